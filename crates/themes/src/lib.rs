//! CONTRACT SKELETON — the themes helper replaces the bodies; keep these signatures.
#![deny(missing_docs)]
use std::path::Path;

/// A loaded, validated taxonomy.
#[derive(Debug, Clone)]
pub struct Taxonomy {}

/// One theme of a taxonomy.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Theme {
    /// id
    pub id: String,
    /// label
    pub label: String,
    /// description
    pub description: String,
}

impl Taxonomy {
    /// The default ICT-policy taxonomy shipped in the crate.
    pub fn default_taxonomy() -> Taxonomy {
        unimplemented!()
    }
    /// Parses TOML; `origin` names the file in errors.
    pub fn from_toml_str(_toml: &str, _origin: &str) -> Result<Taxonomy, Error> {
        unimplemented!()
    }
    /// Reads and parses a file.
    pub fn from_path(_path: &Path) -> Result<Taxonomy, Error> {
        unimplemented!()
    }
    /// Themes in file order.
    pub fn themes(&self) -> &[Theme] {
        unimplemented!()
    }
}

/// Tagger settings.
#[derive(Debug, Clone, Default)]
pub struct Settings {}

/// Built tagger, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Tagger {}

/// A block of text to tag.
#[derive(Debug, Clone, Copy)]
pub struct TagBlock<'a> {
    /// normalised text
    pub text: &'a str,
    /// language code if known ("und"/None = try every language)
    pub lang: Option<&'a str>,
}

/// Input for one page.
#[derive(Debug, Clone, Copy)]
pub struct TagInput<'a> {
    /// title, if any
    pub title: Option<&'a str>,
    /// title language
    pub title_lang: Option<&'a str>,
    /// blocks
    pub blocks: &'a [TagBlock<'a>],
}

/// Evidence of a theme.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// the taxonomy term that matched
    pub term: String,
    /// term language
    pub lang: String,
    /// byte start in the block's (or title's) text
    pub start: usize,
    /// byte end
    pub end: usize,
    /// block index, None for the title
    pub block: Option<usize>,
}

/// One theme found.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ThemeHit {
    /// id
    pub id: String,
    /// label
    pub label: String,
    /// score in [0,1]
    pub score: f64,
    /// number of matches
    pub count: usize,
    /// evidence
    pub evidence: Vec<Evidence>,
}

/// Errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A taxonomy problem.
    #[error("{file}:{line}: theme {theme:?}: {problem}")]
    Taxonomy {
        /// file
        file: String,
        /// line (1-based, 0 if unknown)
        line: usize,
        /// theme id
        theme: String,
        /// problem
        problem: String,
    },
}

impl Tagger {
    /// Builds from a taxonomy.
    pub fn from_taxonomy(_t: Taxonomy) -> Result<Tagger, Error> {
        unimplemented!()
    }
    /// Builds with settings.
    pub fn with_settings(_t: Taxonomy, _s: Settings) -> Result<Tagger, Error> {
        unimplemented!()
    }
    /// The taxonomy.
    pub fn taxonomy(&self) -> &Taxonomy {
        unimplemented!()
    }
    /// Tags a page.
    pub fn tag(&self, _input: &TagInput<'_>) -> Vec<ThemeHit> {
        unimplemented!()
    }
}
