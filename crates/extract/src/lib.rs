//! HTML bytes in, a [`Document`] out: the charset decided and the text transcoded to
//! UTF-8, the main content told apart from boilerplate, metadata collected.
//!
//! The [`Extractor`] is built once from [`Settings`] and shared across threads
//! (`Send + Sync`); [`extract`] is the one-off shortcut. Parsing streams through
//! [lol_html] in non-strict mode with a memory cap; the crate keeps a compact tree of
//! element frames (tag, hint tokens from class/id/role, depth, text and link-text
//! lengths) and scores it to pick the content region, then flags every [`Block`]
//! (`is_content`) with the [`Features`] that decided it.
//!
//! [`Document::text`] and [`Document::markdown`] render the main content. The
//! [`score`] module holds the article-extraction-benchmark metric used by the
//! `eval` example.
//!
//! # Example
//!
//! ```
//! use pagesift_extract::{Extractor, PageHints, Settings, PageKind};
//!
//! let html = "<html lang=ru><head><meta charset=windows-1251><title>Новости | Минсвязи</title></head>\
//!     <body><nav><a href=/>Главная</a> <a href=/news>Новости</a></nav>\
//!     <article><h1>Новости</h1><p>Министерство связи и информатизации провело заседание коллегии, \
//!     посвящённое цифровой трансформации, развитию сетей и подключению неподключённых.</p></article>\
//!     <footer>© 2021 Министерство</footer></body></html>";
//! let bytes = encoding_rs::WINDOWS_1251.encode(html).0;
//! let extractor = Extractor::new(Settings::default());
//! let doc = extractor.extract(&bytes, &PageHints { url: Some("https://mpt.gov.by/node/1"), ..PageHints::default() })?;
//! assert_eq!(doc.charset.name, "windows-1251");
//! assert_eq!(doc.page_kind, PageKind::Article);
//! assert!(doc.text().starts_with("Новости\n\nМинистерство связи"));
//! assert!(!doc.text().contains("Главная"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Untrusted input
//!
//! Any bytes are accepted without panicking. Work is linear in the input; memory is
//! bounded by lol_html's limit ([`Settings::with_max_memory`]), a cap on tree frames
//! ([`Settings::with_max_frames`]) and on input size ([`Settings::with_max_input`]).
//! Nothing in the crate recurses over the document tree, so deep nesting is safe.
//!
//! # Performance
//!
//! One pass of lol_html with one element handler (`*`, parsed once per process) and
//! one document text handler; tag names and attribute values are read as slices of the
//! source (no `String` per element); text is buffered per text node and decoded once;
//! charset detection looks at a bounded sample of the non-ASCII words; scoring is a
//! few linear passes over the frames and blocks.
#![deny(missing_docs)]

use serde::Serialize;

mod charset;
mod classify;
mod dates;
mod hints;
mod meta;
mod parse;
pub mod score;

/// What the caller knows about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageHints<'a> {
    /// The page's URL, if known.
    pub url: Option<&'a str>,
    /// The charset from the HTTP `Content-Type` header, if any.
    pub http_charset: Option<&'a str>,
}

/// Extractor settings.
#[derive(Debug, Clone)]
pub struct Settings {
    max_memory: usize,
    max_frames: usize,
    max_input: usize,
    textarea_documents: bool,
    title_in_content: bool,
    captions: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_memory: 256 << 20,
            max_frames: 2_000_000,
            max_input: 128 << 20,
            textarea_documents: true,
            title_in_content: true,
            captions: true,
        }
    }
}

impl Settings {
    /// Settings with the defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// The settings the article-extraction benchmark's gold expects: body text without
    /// the headline and captions. Shorthand for the defaults with
    /// [`with_title_in_content`](Self::with_title_in_content)`(false)` and
    /// [`with_captions`](Self::with_captions)`(false)`; chain other setters as usual.
    ///
    /// ### Default
    ///
    /// Every other setting as in [`Settings::default`].
    ///
    /// ```
    /// use pagesift_extract::{Extractor, PageHints, Settings};
    ///
    /// let html = b"<html><head><title>Rates</title></head><body>\
    ///     <h1>New broadband rates</h1><article>\
    ///     <p>The regulator set new wholesale broadband rates for the coming year today.</p>\
    ///     <figure><img src=a.png><figcaption>The old rates.</figcaption></figure>\
    ///     <p>Operators have three months to apply them to every retail contract.</p>\
    ///     </article></body></html>";
    /// let full = Extractor::new(Settings::default()).extract(html, &PageHints::default())?;
    /// let body = Extractor::new(Settings::body_only()).extract(html, &PageHints::default())?;
    /// assert!(full.text().starts_with("New broadband rates"));
    /// assert!(full.text().contains("The old rates."));
    /// assert!(body.text().starts_with("The regulator"));
    /// assert!(!body.text().contains("The old rates."));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn body_only() -> Self {
        Self::default()
            .with_title_in_content(false)
            .with_captions(false)
    }

    /// The memory lol_html may use for its own buffers; beyond it parsing stops and
    /// the part read so far is used.
    ///
    /// ### Default
    ///
    /// 256 MiB.
    #[must_use]
    pub fn with_max_memory(mut self, bytes: usize) -> Self {
        self.max_memory = bytes.max(64 * 1024);
        self
    }

    /// The most element frames kept per page; elements beyond it are treated as
    /// transparent inline elements.
    ///
    /// ### Default
    ///
    /// 2,000,000.
    #[must_use]
    pub fn with_max_frames(mut self, frames: usize) -> Self {
        self.max_frames = frames.clamp(16, u32::MAX as usize / 2);
        self
    }

    /// The largest input accepted; larger inputs give [`Error::TooLarge`].
    ///
    /// ### Default
    ///
    /// 128 MiB.
    #[must_use]
    pub fn with_max_input(mut self, bytes: usize) -> Self {
        self.max_input = bytes.min(u32::MAX as usize);
        self
    }

    /// Whether the page's `<h1>` just before the main content counts as a content
    /// block (it then starts [`Document::text`]). Turn it off to get the article body
    /// alone, as schema.org `articleBody` and the article-extraction benchmark define
    /// it; the title stays in [`Document::title`] either way.
    ///
    /// ### Default
    ///
    /// `true`.
    #[must_use]
    pub fn with_title_in_content(mut self, yes: bool) -> Self {
        self.title_in_content = yes;
        self
    }

    /// Whether figure and table captions (text inside `<figure>`, `<figcaption>`,
    /// `<caption>`) of the main content are content blocks. Turn it off for the
    /// running text alone, as the article-extraction benchmark's `articleBody` has it.
    ///
    /// ### Default
    ///
    /// `true`.
    #[must_use]
    pub fn with_captions(mut self, yes: bool) -> Self {
        self.captions = yes;
        self
    }

    /// Whether an entity-escaped HTML document inside a `<textarea>` is parsed and
    /// scored like the rest of the page (court and registry sites publish documents
    /// this way). When off, textarea text is kept as one plain block.
    ///
    /// ### Default
    ///
    /// `true`.
    #[must_use]
    pub fn with_textarea_documents(mut self, yes: bool) -> Self {
        self.textarea_documents = yes;
        self
    }
}

/// The built extractor: `Send + Sync`, shared across threads.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    settings: Settings,
}

/// Extracts a document with default settings and no hints: the one-off shortcut for
/// [`Extractor::extract`].
///
/// ```
/// let doc = pagesift_extract::extract(b"<p>Hello, <b>world</b> &amp; all.</p>")?;
/// assert_eq!(doc.text(), "Hello, world & all.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract(bytes: &[u8]) -> Result<Document, Error> {
    Extractor::default().extract(bytes, &PageHints::default())
}

impl Extractor {
    /// Builds an extractor.
    pub fn new(settings: Settings) -> Self {
        Extractor { settings }
    }

    /// Extracts a document from raw HTML bytes.
    ///
    /// Fails only on input that is not HTML (a PDF, an image, an archive, binary data)
    /// or is larger than [`Settings::with_max_input`]. Malformed markup is not an
    /// error.
    pub fn extract(&self, bytes: &[u8], hints: &PageHints<'_>) -> Result<Document, Error> {
        let input = || hints.url.unwrap_or("<input>").to_string();
        if bytes.len() > self.settings.max_input {
            return Err(Error::TooLarge {
                input: input(),
                len: bytes.len(),
                limit: self.settings.max_input,
            });
        }
        let decision = charset::decide(bytes, hints.http_charset, hints.url);
        let utf16 = decision.encoding == encoding_rs::UTF_16LE
            || decision.encoding == encoding_rs::UTF_16BE;
        if decision.source != CharsetSource::Bom && !utf16 {
            if let Some(why) = binary_signature(bytes) {
                return Err(Error::NotHtml(format!("{}: {why}", input())));
            }
        }
        let text = charset::decode(bytes, &decision);
        let limits = parse::Limits {
            max_memory: self.settings.max_memory,
            max_frames: self.settings.max_frames,
            textarea_documents: self.settings.textarea_documents,
        };
        let tree = parse::parse(&text, limits, false);
        let cls = classify::classify(
            &tree,
            self.settings.title_in_content,
            self.settings.captions,
        );
        let (title, metadata) = meta::build(&tree, &cls.blocks, hints.url);
        let n = tree.blocks.len().max(1) as f32;
        let blocks = tree
            .blocks
            .into_iter()
            .zip(cls.blocks)
            .enumerate()
            .map(|(i, (b, s))| Block {
                kind: b.kind,
                text: b.text,
                is_content: s.is_content,
                features: Features {
                    text_len: b.text_len,
                    link_len: b.link_len,
                    links: b.n_links,
                    link_density: s.link_density,
                    depth: s.depth,
                    position: i as f32 / n,
                    hints: hints::names(s.hint_flags),
                    in_main: s.in_main,
                    region_score: s.region_score,
                    score: s.score,
                },
            })
            .collect();
        Ok(Document {
            title,
            html_lang: tree.head.html_lang,
            charset: Charset {
                name: decision.encoding.name().to_ascii_lowercase(),
                source: decision.source,
            },
            metadata,
            page_kind: cls.page_kind,
            blocks,
        })
    }
}

/// Recognises common non-HTML payloads by their first bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    let b = bytes.trim_ascii_start();
    let sigs: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"\xD0\xCF\x11\xE0", "an OLE document (doc/xls)"),
        (b"RIFF", "a RIFF media file"),
    ];
    if let Some((_, what)) = sigs.iter().find(|(s, _)| b.starts_with(s)) {
        return Some(what);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let nul = head.iter().filter(|&&c| c == 0).count();
    (head.len() >= 16 && nul * 10 > head.len()).then_some("binary data (NUL bytes)")
}

/// How the charset was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The caller's HTTP `Content-Type` charset.
    Http,
    /// A `<meta charset>` / `http-equiv` (or XML declaration) in the first 1024 bytes.
    Meta,
    /// Detection: a UTF-8 validity check or chardetng, used when nothing was declared
    /// or the declaration contradicts the bytes.
    Detected,
}

/// Charset used.
#[derive(Debug, Clone, Serialize)]
pub struct Charset {
    /// WHATWG name, lowercase (e.g. `windows-1251`).
    pub name: String,
    /// How it was decided.
    pub source: CharsetSource,
}

/// What kind of page this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// One main text (an article, a news item, a document).
    Article,
    /// Mostly a list of links with teasers (a news index, search results).
    List,
    /// No main text found.
    Empty,
}

/// Page metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Metadata {
    /// The canonical URL (`<link rel=canonical>`, else `og:url`), resolved against the
    /// page URL.
    pub canonical_url: Option<String>,
    /// The description meta tag (or `og:description`).
    pub description: Option<String>,
    /// Publication date, ISO 8601 date or datetime: meta tags, JSON-LD, `itemprop`,
    /// `<time datetime>`, then a date written near the start of the content.
    pub published: Option<String>,
    /// Modification date, ISO 8601 date or datetime.
    pub modified: Option<String>,
    /// Author(s).
    pub author: Option<String>,
    /// Site name (`og:site_name`, `application-name`, JSON-LD publisher).
    pub site_name: Option<String>,
}

/// Block kind, serialised as `{"type": "heading", "level": 2}` etc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum BlockKind {
    /// h1-h6
    Heading {
        /// 1-6
        level: u8,
    },
    /// A paragraph (or text directly in a container).
    Paragraph,
    /// A list item (`li`, `dt`, `dd`).
    ListItem,
    /// Text inside a `blockquote`.
    Quote,
    /// A table row, cells joined by " | ".
    TableRow,
    /// `figcaption` / `caption`.
    Caption,
    /// `pre`, whitespace kept.
    Preformatted,
}

/// The features that decided a block, as printed by `pagesift inspect`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Features {
    /// Characters of text.
    pub text_len: u32,
    /// Characters of text inside links.
    pub link_len: u32,
    /// Number of links that start in the block.
    pub links: u32,
    /// `link_len / text_len`.
    pub link_density: f32,
    /// Depth of the owning element in the tree.
    pub depth: u32,
    /// Position in the page, 0 (first block) to 1.
    pub position: f32,
    /// Hint tokens on the owning element and its ancestors (`nav`, `footer`,
    /// `breadcrumb`, `share`, `comment`, `related`, `sidebar`, `cookie`, `ad`, `meta`,
    /// `hidden`, `header`; positive: `content`, `body`, `main`, `article`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<&'static str>,
    /// Inside `<main>`, `<article>`, `role=main|article` or an article-body container.
    pub in_main: bool,
    /// Score of the content region the block lies in (0 outside it).
    pub region_score: f32,
    /// The block's final score: 1 inside the content region, minus its link
    /// density, minus 1 under a boilerplate hint inside the region; content at ≥ 0.5.
    /// Text-level rules then cap it at 0: a repeated block, a bare date or dateline,
    /// a lone widget word ("Advertisement"), a heading with nothing under it, a
    /// copyright or breadcrumb line, the short items after "Read also" / "Читайте
    /// также". On list pages headline links in the list region get 0.5.
    pub score: f32,
}

/// A block of text.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Text with entities decoded and HTML whitespace collapsed.
    pub text: String,
    /// Main content?
    pub is_content: bool,
    /// The features that decided `is_content`.
    pub features: Features,
}

/// The extracted document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The title: the main `<h1>` when it matches `<title>`/`og:title`, else
    /// `og:title`, else `<title>` without the site-name part.
    pub title: Option<String>,
    /// `<html lang>`
    pub html_lang: Option<String>,
    /// Charset used.
    pub charset: Charset,
    /// Metadata.
    pub metadata: Metadata,
    /// Page kind.
    pub page_kind: PageKind,
    /// Blocks in document order (content and boilerplate).
    pub blocks: Vec<Block>,
}

fn group(k: BlockKind) -> u8 {
    match k {
        BlockKind::Heading { .. } => 0,
        BlockKind::Paragraph => 1,
        BlockKind::ListItem => 2,
        BlockKind::Quote => 3,
        BlockKind::TableRow => 4,
        BlockKind::Caption => 5,
        BlockKind::Preformatted => 6,
    }
}

impl Document {
    /// Iterates over the main-content blocks.
    pub fn content_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.is_content)
    }

    /// Content blocks with a flag: does a new section start here (a heading, a gap
    /// of boilerplate, or a change of block kind)?
    fn sections(&self) -> impl Iterator<Item = (bool, &Block)> {
        let mut prev: Option<(usize, BlockKind)> = None;
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_content)
            .map(move |(i, b)| {
                let new = match prev {
                    None => false,
                    Some((pi, pk)) => {
                        matches!(b.kind, BlockKind::Heading { .. })
                            || matches!(pk, BlockKind::Heading { .. })
                            || pi + 1 != i
                            || group(pk) != group(b.kind)
                    }
                };
                prev = Some((i, b.kind));
                (new, b)
            })
    }

    /// Plain text of the main content: one block per line, a blank line between
    /// sections.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (new, b) in self.sections() {
            if !out.is_empty() {
                out.push_str(if new { "\n\n" } else { "\n" });
            }
            out.push_str(&b.text);
        }
        out
    }

    /// Markdown of the main content.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let mut in_table = false;
        for (new, b) in self.sections() {
            if !out.is_empty() {
                let tight = !new && matches!(b.kind, BlockKind::ListItem | BlockKind::TableRow);
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
            if b.kind != BlockKind::TableRow || new {
                in_table = false;
            }
            match b.kind {
                BlockKind::Heading { level } => {
                    for _ in 0..level.clamp(1, 6) {
                        out.push('#');
                    }
                    out.push(' ');
                    out.push_str(&b.text);
                }
                BlockKind::Paragraph => push_escaped(&mut out, &b.text),
                BlockKind::ListItem => {
                    out.push_str("- ");
                    push_escaped(&mut out, &b.text);
                }
                BlockKind::Quote => {
                    out.push_str("> ");
                    push_escaped(&mut out, &b.text);
                }
                BlockKind::Caption => {
                    out.push('*');
                    out.push_str(b.text.trim_matches('*'));
                    out.push('*');
                }
                BlockKind::Preformatted => {
                    out.push_str("```\n");
                    out.push_str(&b.text);
                    out.push_str("\n```");
                }
                BlockKind::TableRow => {
                    out.push_str("| ");
                    out.push_str(&b.text);
                    out.push_str(" |");
                    if !in_table {
                        let cells = b.text.matches(" | ").count() + 1;
                        out.push('\n');
                        for _ in 0..cells {
                            out.push_str("|---");
                        }
                        out.push('|');
                        in_table = true;
                    }
                }
            }
        }
        out
    }
}

/// Escapes characters that would start Markdown syntax at the start of a line.
fn push_escaped(out: &mut String, text: &str) {
    let first = text.chars().next();
    let digits_dot = {
        let d = text.bytes().take_while(u8::is_ascii_digit).count();
        d > 0 && text.as_bytes().get(d) == Some(&b'.')
    };
    if matches!(first, Some('#' | '>' | '-' | '+' | '*' | '=' | '|' | '`')) {
        out.push('\\');
    }
    if digits_dot {
        let d = text.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&text[..d]);
        out.push('\\');
        out.push_str(&text[d..]);
    } else {
        out.push_str(text);
    }
}

/// Errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not HTML at all (its name and what it looks like).
    #[error("not HTML: {0}")]
    NotHtml(String),
    /// The input is larger than the configured limit.
    #[error("{input}: {len} bytes is larger than the {limit}-byte limit")]
    TooLarge {
        /// The page URL or `<input>`.
        input: String,
        /// Input size in bytes.
        len: usize,
        /// The limit from [`Settings::with_max_input`].
        limit: usize,
    },
}
