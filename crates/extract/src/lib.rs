//! CONTRACT SKELETON — the extract helper replaces the bodies; keep these signatures.
#![deny(missing_docs)]
use serde::Serialize;

/// What the caller knows about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageHints<'a> {
    /// The page's URL, if known.
    pub url: Option<&'a str>,
    /// The charset from the HTTP `Content-Type` header, if any.
    pub http_charset: Option<&'a str>,
}

/// Extractor settings.
#[derive(Debug, Clone, Default)]
pub struct Settings {}

/// The built extractor: `Send + Sync`, shared across threads.
#[derive(Debug, Clone, Default)]
pub struct Extractor {}

impl Extractor {
    /// Builds an extractor.
    pub fn new(_settings: Settings) -> Self {
        Extractor {}
    }
    /// Extracts a document from raw HTML bytes.
    pub fn extract(&self, _bytes: &[u8], _hints: &PageHints<'_>) -> Result<Document, Error> {
        unimplemented!()
    }
}

/// How the charset was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CharsetSource {
    /// BOM
    Bom,
    /// HTTP header
    Http,
    /// meta prescan
    Meta,
    /// chardetng
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

/// Page kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// article
    Article,
    /// list/index page
    List,
    /// nothing found
    Empty,
}

/// Metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Metadata {
    /// canonical
    pub canonical_url: Option<String>,
    /// description
    pub description: Option<String>,
    /// ISO 8601 date or datetime
    pub published: Option<String>,
    /// ISO 8601 date or datetime
    pub modified: Option<String>,
    /// author
    pub author: Option<String>,
    /// site name
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
    /// p
    Paragraph,
    /// li
    ListItem,
    /// blockquote
    Quote,
    /// a table row, cells joined by " | "
    TableRow,
    /// figcaption/caption
    Caption,
    /// pre
    Preformatted,
}

/// Scoring features (extract helper decides the fields).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Features {}

/// A block.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// kind
    pub kind: BlockKind,
    /// decoded, whitespace-collapsed text
    pub text: String,
    /// main content?
    pub is_content: bool,
    /// features
    pub features: Features,
}

/// The extracted document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// title
    pub title: Option<String>,
    /// `<html lang>`
    pub html_lang: Option<String>,
    /// charset
    pub charset: Charset,
    /// metadata
    pub metadata: Metadata,
    /// page kind
    pub page_kind: PageKind,
    /// blocks in document order (content and boilerplate)
    pub blocks: Vec<Block>,
}

impl Document {
    /// Iterates over the main-content blocks.
    pub fn content_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.is_content)
    }
    /// Plain text of main content.
    pub fn text(&self) -> String {
        unimplemented!()
    }
    /// Markdown of main content.
    pub fn markdown(&self) -> String {
        unimplemented!()
    }
}

/// Errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not HTML at all.
    #[error("not HTML: {0}")]
    NotHtml(String),
}
