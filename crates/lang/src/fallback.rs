//! Optional second opinion from lingua's high-accuracy models for the Cyrillic-script texts
//! whose answer stays uncertain (feature `lingua-fallback`).
//!
//! The lingua detector is built on first use, once per [`crate::Detector`] (its clones
//! share it); lingua loads each language model on first use too and shares the loaded
//! models between all its detectors in the process.

use crate::cyrillic::{Cyr, N};
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// lingua's language for each of our Cyrillic languages, in `Cyr` order.
const LINGUA: [Language; N] = [
    Language::Russian,
    Language::Ukrainian,
    Language::Belarusian,
    Language::Bulgarian,
    Language::Macedonian,
    Language::Serbian,
    Language::Kazakh,
];

/// The lingua side of a detector: which languages to ask about, the detector once built,
/// and how often it was asked.
pub(crate) struct Fallback {
    languages: Vec<Language>,
    detector: OnceLock<LanguageDetector>,
    calls: AtomicU64,
}

impl std::fmt::Debug for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fallback")
            .field("languages", &self.languages)
            .field("built", &self.detector.get().is_some())
            .field("calls", &self.calls.load(Ordering::Relaxed))
            .finish()
    }
}

impl Fallback {
    /// A fallback over the allowed Cyrillic languages; `None` when fewer than two are
    /// allowed (there is nothing to choose between).
    pub(crate) fn new(allowed: &[bool; N]) -> Option<Fallback> {
        let languages: Vec<Language> = Cyr::ALL
            .iter()
            .filter(|c| allowed[**c as usize])
            .map(|c| LINGUA[*c as usize])
            .collect();
        (languages.len() >= 2).then(|| Fallback {
            languages,
            detector: OnceLock::new(),
            calls: AtomicU64::new(0),
        })
    }

    /// Texts handed to lingua so far.
    pub(crate) fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }

    /// lingua's confidence per language, in `Cyr` order (0 for languages it was not asked
    /// about or rules out).
    pub(crate) fn confidences(&self, text: &str) -> [f64; N] {
        self.calls.fetch_add(1, Ordering::Relaxed);
        let detector = self
            .detector
            .get_or_init(|| LanguageDetectorBuilder::from_languages(&self.languages).build());
        let mut out = [0.0; N];
        for (lang, p) in detector.compute_language_confidence_values(text) {
            if let Some(i) = LINGUA.iter().position(|l| *l == lang) {
                out[i] = if p.is_finite() {
                    p.clamp(0.0, 1.0)
                } else {
                    0.0
                };
            }
        }
        out
    }
}
