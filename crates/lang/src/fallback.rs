//! Optional second opinion from lingua's high-accuracy models for the Cyrillic-script texts
//! whose answer stays uncertain (feature `lingua-fallback`).
//!
//! lingua is asked only about the languages the letters leave open for a text (two to
//! seven of them), not about every allowed one: its cost grows with each language it
//! scores, and the open set is most often two or three. One lingua detector per open
//! set is built on first use, once per [`crate::Detector`] (its clones share them);
//! building one is cheap, since lingua loads each language model once per process, on
//! first use, and shares it between all its detectors.
//!
//! lingua's process-wide model cache is filled by check-then-insert, so two threads that
//! first need the same model at once would both load it (tens of MB for a moment). The
//! first texts that need a language no text has needed before are therefore scored one
//! at a time, under a process-wide lock; once each language of an open set has been
//! through that, its texts are scored without any lock. (lingua's own parallel paths,
//! preloading included, are not used: a rayon worker holding the lock could steal a task
//! that waits for it.) A language lingua skipped in such a first text, by its own letter
//! rules, may in a rare case still be loaded twice later; that costs memory for a moment,
//! never a wrong answer.

use crate::cyrillic::{Cyr, N};
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

/// Languages (by bit over `Cyr`) whose first texts have been scored, so whose models
/// lingua has loaded; process-wide, like lingua's model cache.
static LOADED: AtomicU32 = AtomicU32::new(0);
/// Held while scoring a text that may make lingua load a model.
static LOADING: Mutex<()> = Mutex::new(());

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

/// The lingua side of a detector: which languages may be asked about, one lingua
/// detector per set of open languages (by bit mask over `Cyr`), built on first use, and
/// how often it was asked.
pub(crate) struct Fallback {
    allowed: u32,
    detectors: Box<[OnceLock<LanguageDetector>]>,
    calls: AtomicU64,
}

impl std::fmt::Debug for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fallback")
            .field("allowed", &format_args!("{:#09b}", self.allowed))
            .field(
                "built",
                &self.detectors.iter().filter(|d| d.get().is_some()).count(),
            )
            .field("calls", &self.calls.load(Ordering::Relaxed))
            .finish()
    }
}

impl Fallback {
    /// A fallback over the allowed Cyrillic languages; `None` when fewer than two are
    /// allowed (there is nothing to choose between).
    pub(crate) fn new(allowed: &[bool; N]) -> Option<Fallback> {
        let mask = (0..N).filter(|i| allowed[*i]).fold(0u32, |m, i| m | 1 << i);
        (mask.count_ones() >= 2).then(|| Fallback {
            allowed: mask,
            detectors: (0..1usize << N).map(|_| OnceLock::new()).collect(),
            calls: AtomicU64::new(0),
        })
    }

    /// Texts handed to lingua so far.
    pub(crate) fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }

    /// lingua's confidence per language among the `open` ones (indexes in `Cyr` order),
    /// in `Cyr` order; 0 for languages it was not asked about or rules out. `None` when
    /// fewer than two of them are allowed.
    pub(crate) fn confidences(&self, text: &str, open: &[usize]) -> Option<[f64; N]> {
        let mask = open
            .iter()
            .filter(|i| **i < N)
            .fold(0u32, |m, i| m | 1 << i)
            & self.allowed;
        if mask.count_ones() < 2 {
            return None;
        }
        self.calls.fetch_add(1, Ordering::Relaxed);
        let detector = self.detectors[mask as usize].get_or_init(|| {
            let languages: Vec<Language> = Cyr::ALL
                .iter()
                .filter(|c| mask & (1 << (**c as u32)) != 0)
                .map(|c| LINGUA[*c as usize])
                .collect();
            LanguageDetectorBuilder::from_languages(&languages).build()
        });
        let values = if LOADED.load(Ordering::Acquire) & mask == mask {
            detector.compute_language_confidence_values(text)
        } else {
            let _loading = LOADING.lock().unwrap_or_else(|e| e.into_inner());
            let values = detector.compute_language_confidence_values(text);
            LOADED.fetch_or(mask, Ordering::AcqRel);
            values
        };
        let mut out = [0.0; N];
        for (lang, p) in values {
            if let Some(i) = LINGUA.iter().position(|l| *l == lang) {
                out[i] = if p.is_finite() {
                    p.clamp(0.0, 1.0)
                } else {
                    0.0
                };
            }
        }
        Some(out)
    }
}
