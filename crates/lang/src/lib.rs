//! CONTRACT SKELETON — the lang helper replaces the bodies; keep these signatures.
#![deny(missing_docs)]

/// Settings.
#[derive(Debug, Clone, Default)]
pub struct Settings {}

impl Settings {
    /// Restricts guesses to these codes (ISO 639-1 / 639-3). Unknown codes are an error at build.
    pub fn with_allowlist<I: IntoIterator<Item = S>, S: AsRef<str>>(self, _codes: I) -> Self {
        self
    }
}

/// Built detector, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Detector {}

/// A language guess.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Guess {
    /// ISO 639-1 where it exists, else 639-3; "und" when unsure.
    pub lang: String,
    /// script name, e.g. "Cyrillic"
    pub script: Option<String>,
    /// confidence in [0, 1]
    pub confidence: f64,
    /// reliable?
    pub reliable: bool,
}

/// One input block for page-level detection.
#[derive(Debug, Clone, Copy)]
pub struct BlockText<'a> {
    /// text
    pub text: &'a str,
    /// headings and menu-like blocks lean on the prior
    pub is_heading: bool,
}

/// A share of a page's language mix.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LangShare {
    /// code
    pub lang: String,
    /// share in [0,1] by text length
    pub share: f64,
}

/// Page-level result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PageGuess {
    /// page language
    pub lang: String,
    /// confidence
    pub confidence: f64,
    /// mix, largest first
    pub mix: Vec<LangShare>,
    /// per block
    pub blocks: Vec<Guess>,
}

/// Errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// unknown language code
    #[error("unknown language code {0:?}")]
    UnknownLanguage(String),
}

impl Detector {
    /// Builds.
    pub fn new(_s: Settings) -> Result<Self, Error> {
        Ok(Detector {})
    }
    /// Detects one text.
    pub fn detect(&self, _text: &str) -> Guess {
        unimplemented!()
    }
    /// Detects a page's blocks; `prior` is e.g. the page's `html lang` ("ru", "be-BY").
    pub fn detect_blocks(&self, _blocks: &[BlockText<'_>], _prior: Option<&str>) -> PageGuess {
        unimplemented!()
    }
}
