//! pagesift: crawled web pages in, clean, language-tagged, theme-tagged records out.
//!
//! This is the pipeline library behind the `pagesift` binary. It composes the stage
//! crates — [`pagesift_extract`], [`pagesift_normalize`], [`pagesift_lang`] and
//! [`pagesift_themes`] — into a [`Pipeline`] that turns one [`RawPage`] into one
//! [`Record`], reads crawls ([`Inputs`]: HTML files and directories, WARC(.gz), JSON
//! Lines, stdin), runs pages in parallel in input order ([`run()`]) and writes records
//! ([`RecordWriter`]).
//!
//! # Example
//!
//! ```
//! use pagesift::{PipelineConfig, RawPage, Status};
//!
//! let pipeline = PipelineConfig::default().build()?;
//! let html = "<html lang=en><head><title>News</title></head><body><main><h1>Digital \
//!             transformation</h1><p>The ministry presented its programme of digital \
//!             transformation of public services for the coming five years.</p></main></body></html>";
//! let page = RawPage { source: "example.html".into(), url: None, http_charset: None, body: html.into() };
//! let record = pipeline.process(&page);
//! assert_eq!(record.status, Status::Ok);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod eval;
pub mod input;
pub mod inspect;
pub mod output;
pub mod record;
pub mod run;
pub mod warc;

use std::path::PathBuf;

pub use input::{Inputs, Item, RawPage, StdinFormat};
pub use output::{Format, RecordWriter};
pub use record::{Analysis, Pipeline, Record, Status, RECORD_VERSION};
pub use run::{run, Progress, Summary};

/// The shared benchmark data folder for this checkout's tests and benches:
/// `$PAGESIFT_SHARED_DATA` when set, else `../shared/data` beside the workspace root;
/// `None` when that folder does not exist. Callers say themselves what they skip.
#[doc(hidden)]
pub fn shared_data_dir() -> Option<PathBuf> {
    shared_data_dir_from(std::env::var_os("PAGESIFT_SHARED_DATA"))
}

/// `<shared data>/<sub>` (see [`shared_data_dir`]) when it exists; otherwise why not, for
/// the caller's "skipping" note.
#[doc(hidden)]
pub fn shared_data_path(sub: &str) -> Result<PathBuf, String> {
    match shared_data_dir().map(|d| d.join(sub)) {
        Some(p) if p.exists() => Ok(p),
        Some(p) => Err(format!("shared data {} is absent", p.display())),
        None => Err(
            "no shared data folder (set PAGESIFT_SHARED_DATA or put it at ../shared/data)"
                .to_owned(),
        ),
    }
}

fn shared_data_dir_from(var: Option<std::ffi::OsString>) -> Option<PathBuf> {
    let dir = var
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    dir.is_dir().then_some(dir)
}

/// What can go wrong while building a pipeline from a configuration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The taxonomy file could not be read or is invalid (the message names file and line).
    #[error(transparent)]
    Taxonomy(#[from] pagesift_themes::Error),
    /// The language list names an unknown language.
    #[error("--langs: {0}")]
    Lang(pagesift_lang::Error),
    /// A lingua fallback threshold was given (`--lang-fallback`) to a pagesift built
    /// without the `lingua-fallback` cargo feature.
    #[error(
        "--lang-fallback: this pagesift was built without the lingua-fallback feature; \
         rebuild with `cargo build --release --features lingua-fallback`"
    )]
    LangFallbackUnavailable,
    /// A taxonomy has terms in a language the language detector never returns, or in
    /// `und`, `zxx` or `mul` (no particular language): they would only ever match text
    /// of undetermined language (`und`). Terms for every language go under `"*"`.
    #[error(
        "{file}:{line}: theme {theme:?}: {}",
        taxonomy_language_problem(code, suggestion.as_deref())
    )]
    TaxonomyLanguage {
        /// The taxonomy file (or `<default taxonomy>`).
        file: String,
        /// 1-based line of the first term in that language (0 if unknown).
        line: usize,
        /// Id of the theme that term belongs to.
        theme: String,
        /// The language code as written in the taxonomy.
        code: String,
        /// The code the detector returns for that language, when it knows the language
        /// under another code (`uk` for `ukr`).
        suggestion: Option<String>,
    },
}

/// Codes of no particular language: the tagger matches terms under them only in text
/// whose language is undetermined, never in text of a known language.
const NO_PARTICULAR_LANGUAGE: [&str; 3] = [pagesift_lang::UND, "zxx", "mul"];

/// What is wrong with terms in language `code`, for [`BuildError::TaxonomyLanguage`].
fn taxonomy_language_problem(code: &str, suggestion: Option<&str>) -> String {
    if NO_PARTICULAR_LANGUAGE.contains(&code) {
        return format!(
            "terms in language {code:?} (no particular language) would only match text \
             whose language the detector cannot tell; put terms for every language under \"*\""
        );
    }
    let fix = match suggestion {
        Some(s) => format!("write {s:?} (the code the detector returns for it)"),
        None => {
            "use an ISO 639-1 code such as \"en\" or \"be\", or \"*\" for every language".into()
        }
    };
    format!(
        "terms in language {code:?}, which the language detector never returns, would only \
         match text of undetermined language; {fix}"
    )
}

impl From<pagesift_lang::Error> for BuildError {
    fn from(e: pagesift_lang::Error) -> Self {
        BuildError::Lang(e)
    }
}

/// The user-facing choices that decide how the stages are built: start from
/// `PipelineConfig::default()` and chain the `with_*` setters. Fields may be added, so
/// it cannot be built with a struct expression outside this crate.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PipelineConfig {
    /// A taxonomy TOML file; the built-in one when `None`.
    taxonomy: Option<PathBuf>,
    /// Languages to choose from; every language when `None`.
    langs: Option<Vec<String>>,
    /// Leave the main text out of records.
    no_text: bool,
    /// The lingua fallback's confidence threshold; `None` never asks lingua.
    lang_fallback: Option<f64>,
}

impl PipelineConfig {
    /// A taxonomy TOML file to load instead of the built-in one.
    ///
    /// ### Default
    /// None: the built-in taxonomy.
    pub fn with_taxonomy(mut self, path: impl Into<PathBuf>) -> Self {
        self.taxonomy = Some(path.into());
        self
    }

    /// The codes of the languages the detector chooses from (ISO 639-1 or 639-3, or tags
    /// such as `be-BY`).
    ///
    /// ### Default
    /// None: every language.
    pub fn with_langs<I: IntoIterator<Item = S>, S: Into<String>>(mut self, codes: I) -> Self {
        self.langs = Some(codes.into_iter().map(Into::into).collect());
        self
    }

    /// Whether records carry the main text.
    ///
    /// ### Default
    /// `true`.
    pub fn with_text(mut self, keep: bool) -> Self {
        self.no_text = !keep;
        self
    }

    /// The confidence below which the language detector re-asks lingua's high-accuracy
    /// models about Cyrillic-script text (`--lang-fallback`; see pagesift-lang's
    /// `Settings::with_fallback`; 0.65 is the value measured in pagesift-lang's README;
    /// texts of three words or more are re-asked below half of it). Needs the
    /// `lingua-fallback` cargo feature: without it, building fails with
    /// [`BuildError::LangFallbackUnavailable`]. The useful
    /// range is (0, 1]: 0 or below (or a non-finite value) never asks lingua, and 1 asks
    /// about every Cyrillic text whose language is not settled by its letters; the
    /// command line accepts only that range.
    ///
    /// ### Default
    /// None: off.
    pub fn with_lang_fallback(mut self, below: f64) -> Self {
        self.lang_fallback = Some(below);
        self
    }

    /// Loads the taxonomy used by this configuration and checks that the language
    /// detector can return every language its terms are written in.
    ///
    /// # Errors
    ///
    /// [`BuildError::Taxonomy`] for a file that cannot be read or is invalid;
    /// [`BuildError::TaxonomyLanguage`] for a term language the detector never returns
    /// (`ukr` where it says `uk`, or a code of no language it knows) or one of no
    /// particular language (`und`, `zxx`, `mul`: write `"*"`). A language merely
    /// left out by [`with_langs`](Self::with_langs) is accepted: that is the user's choice.
    pub fn taxonomy(&self) -> Result<pagesift_themes::Taxonomy, BuildError> {
        let taxonomy = match &self.taxonomy {
            Some(path) => pagesift_themes::Taxonomy::from_path(path)?,
            None => pagesift_themes::Taxonomy::default_taxonomy(),
        };
        check_languages(&taxonomy)?;
        Ok(taxonomy)
    }

    /// Builds the language detector of this configuration.
    ///
    /// # Errors
    ///
    /// [`BuildError::Lang`] for an unknown language in [`with_langs`](Self::with_langs);
    /// [`BuildError::LangFallbackUnavailable`] when
    /// [`with_lang_fallback`](Self::with_lang_fallback) is set in a build without the
    /// `lingua-fallback` feature.
    pub fn detector(&self) -> Result<pagesift_lang::Detector, BuildError> {
        let mut settings = pagesift_lang::Settings::default();
        if let Some(langs) = &self.langs {
            settings = settings.with_allowlist(langs);
        }
        if let Some(below) = self.lang_fallback {
            #[cfg(feature = "lingua-fallback")]
            {
                settings = settings.with_fallback(below);
            }
            #[cfg(not(feature = "lingua-fallback"))]
            {
                let _ = below;
                return Err(BuildError::LangFallbackUnavailable);
            }
        }
        Ok(pagesift_lang::Detector::new(settings)?)
    }

    /// Builds every stage once.
    pub fn build(&self) -> Result<Pipeline, BuildError> {
        let tagger = pagesift_themes::Tagger::from_taxonomy(self.taxonomy()?)?;
        Ok(Pipeline::new(
            pagesift_extract::Extractor::new(pagesift_extract::Settings::default()),
            pagesift_normalize::Normalizer::new(pagesift_normalize::Settings::default()),
            self.detector()?,
            tagger,
        )
        .with_text(!self.no_text))
    }
}

/// Fails on the first term language of `taxonomy` that the language detector never
/// returns, whatever its allowlist.
fn check_languages(taxonomy: &pagesift_themes::Taxonomy) -> Result<(), BuildError> {
    let known = pagesift_lang::supported_languages();
    let Some(code) = taxonomy
        .languages()
        .into_iter()
        .find(|c| !known.contains(c) || NO_PARTICULAR_LANGUAGE.contains(c))
    else {
        return Ok(());
    };
    let (theme, line) = taxonomy
        .themes()
        .iter()
        .find_map(|t| {
            t.terms
                .iter()
                .chain(&t.exclude)
                .find(|term| term.lang == code)
                .map(|term| (t.id.clone(), term.line))
        })
        .unwrap_or_default();
    // The detector may know the language under another code (ISO 639-3 `ukr` is `uk`).
    let suggestion =
        pagesift_lang::Detector::new(pagesift_lang::Settings::default().with_allowlist([code]))
            .ok()
            .and_then(|d| d.languages().first().map(|s| s.to_string()))
            .filter(|s| s != code);
    Err(BuildError::TaxonomyLanguage {
        file: taxonomy.origin().to_string(),
        line,
        theme,
        code: code.to_string(),
        suggestion,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_data_dir_honours_the_variable_and_is_none_when_absent() {
        let dir = std::env::temp_dir();
        assert_eq!(
            shared_data_dir_from(Some(dir.clone().into_os_string())),
            Some(dir.clone())
        );
        let missing = dir.join("pagesift-no-such-shared-data");
        assert_eq!(shared_data_dir_from(Some(missing.into_os_string())), None);
        let default = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        assert_eq!(
            shared_data_dir_from(None),
            default.is_dir().then_some(default)
        );
    }
}
