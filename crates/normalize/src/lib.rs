//! CONTRACT SKELETON — the normalize helper replaces the bodies; keep these signatures.
#![deny(missing_docs)]
use std::borrow::Cow;

/// Settings.
#[derive(Debug, Clone, Default)]
pub struct Settings {}

/// Built normalizer, `Send + Sync`.
#[derive(Debug, Clone, Default)]
pub struct Normalizer {}

/// A mojibake repair that was applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Repair {
    /// encoding the text really was in (e.g. "utf-8")
    pub from: String,
    /// encoding it was wrongly decoded as (e.g. "windows-1251")
    pub via: String,
}

/// Result of a full normalisation with report and offset map.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// the clean text
    pub text: String,
    /// repairs applied
    pub repairs: Vec<Repair>,
}

impl Normalizer {
    /// Builds.
    pub fn new(_s: Settings) -> Self {
        Normalizer {}
    }
    /// Normalises; borrowed when nothing changes.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(text)
    }
    /// Normalises and reports repairs.
    pub fn normalize_report(&self, text: &str) -> Normalized {
        unimplemented!("{text}")
    }
}

mod fold;
mod segment;
pub use fold::{fold_for_matching, fold_span_map, FoldSettings};
pub use segment::{sentences, words, Span};
