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

/// The lingua side of a detector: below which confidence it is asked, one lingua
/// detector per set of open languages (by bit mask over `Cyr`), built on first use, and
/// how often it was asked. Which languages may be asked about is the detector's
/// `cyr_allowed`: it hands over only allowed ones.
pub(crate) struct Fallback {
    /// Confidence below which texts of one or two Cyrillic words are re-asked.
    below: f64,
    /// The same for texts of `LONG_TEXT_WORDS` Cyrillic words or more.
    below_long: f64,
    detectors: Box<[OnceLock<LanguageDetector>]>,
    calls: AtomicU64,
}

impl std::fmt::Debug for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fallback")
            .field("below", &self.below)
            .field("below_long", &self.below_long)
            .field(
                "built",
                &self.detectors.iter().filter(|d| d.get().is_some()).count(),
            )
            .field("calls", &self.calls.load(Ordering::Relaxed))
            .finish()
    }
}

impl Fallback {
    /// A fallback for a detector of these allowed Cyrillic languages, asked below
    /// confidence `below` (on long texts below `below_long`, by default
    /// `LONG_TEXT_FALLBACK` of `below`); `None` when `below` is not above 0 (off) or fewer
    /// than two languages are allowed (there is nothing to choose between).
    pub(crate) fn new(
        allowed: &[bool; N],
        below: f64,
        below_long: Option<f64>,
    ) -> Option<Fallback> {
        let allowed = allowed.iter().filter(|a| **a).count();
        (below > 0.0 && allowed >= 2).then(|| Fallback {
            below,
            below_long: below_long.unwrap_or(below * LONG_TEXT_FALLBACK),
            detectors: (0..1usize << N).map(|_| OnceLock::new()).collect(),
            calls: AtomicU64::new(0),
        })
    }

    /// The confidence below which a text of `words` Cyrillic words is re-asked.
    pub(crate) fn threshold(&self, words: usize) -> f64 {
        if words >= LONG_TEXT_WORDS {
            self.below_long
        } else {
            self.below
        }
    }

    /// Texts handed to lingua so far.
    pub(crate) fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }

    /// lingua's confidence per language among the `open` ones (indexes in `Cyr` order, all
    /// of them allowed languages), in `Cyr` order; 0 for languages it was not asked about
    /// or rules out. `None` when fewer than two are open.
    pub(crate) fn confidences(&self, text: &str, open: &[usize]) -> Option<[f64; N]> {
        let mask = open
            .iter()
            .filter(|i| **i < N)
            .fold(0u32, |m, i| m | 1 << i);
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

/// Languages whose evidence is within this of the best are left open to lingua's
/// choice; one letter a language lacks costs it 5.
pub(crate) const FALLBACK_WINDOW: f32 = 3.0;
/// Texts of this many Cyrillic words or more are "long" for the fallback: they are
/// re-asked below the long-text threshold.
const LONG_TEXT_WORDS: usize = 3;
/// The long-text threshold as a share of the short-text one, unless set: on lingua's test
/// sentences, half keeps every East Slavic figure (Russian sentences gain 0.3 points)
/// and re-asks 1.8 % of Cyrillic sentences instead of 5.3 %.
const LONG_TEXT_FALLBACK: f64 = 0.5;
/// lingua's confidence values are floored at this before taking logarithms, so that
/// lingua alone cannot rule out a language the letters leave open.
pub(crate) const FALLBACK_FLOOR: f64 = 1e-4;
/// Log-odds against Bulgarian, Macedonian and Serbian in the fallback (a prior of about
/// 1 to e against each of them); see `cyrillic::base_rates` for the same idea in scores.
pub(crate) const FALLBACK_SOUTH: f64 = 1.0;
/// Log-odds for the prior language in the fallback, per unit of prior weight.
pub(crate) const FALLBACK_PRIOR: f64 = 0.5;
/// lingua's confidence (its share of the open languages, rescaled so that an even split
/// is 0) below which it is undecided and our answer stands.
pub(crate) const FALLBACK_UNDECIDED: f64 = 0.02;
/// lingua is shown at most this many bytes of a text (feature `lingua-fallback`): its
/// start, cut at the last space before the cap when there is one in its second half.
/// That is about 2,000 Cyrillic letters, beyond the 200 words the letter scan examines
/// word by word; lingua's cost and memory grow with the text, and on a long text its
/// start says as much as the whole.
pub const FALLBACK_MAX_BYTES: usize = 4096;

/// The start of `text` that lingua is shown: at most [`FALLBACK_MAX_BYTES`].
pub(crate) fn fallback_prefix(text: &str) -> &str {
    if text.len() <= FALLBACK_MAX_BYTES {
        return text;
    }
    let mut end = FALLBACK_MAX_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(char::is_whitespace) {
        Some(space) if space >= end / 2 => &head[..space],
        _ => head,
    }
}

/// Our answer and confidence (`ours`) combined with lingua's log-weights `t` of the
/// `open` languages: `None` (ours stands) when lingua is undecided; lingua's pick with
/// the firmer confidence of the two when it agrees with ours; else lingua's pick with its
/// confidence times (1 - ours).
pub(crate) fn combine(ours: (usize, f64), open: &[usize], t: &[f64]) -> Option<(usize, f64)> {
    if open.len() < 2 || open.len() != t.len() || t.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let (k, tw) =
        t.iter().enumerate().fold(
            (0, f64::NEG_INFINITY),
            |a, (k, x)| if *x > a.1 { (k, *x) } else { a },
        );
    let sum: f64 = t.iter().map(|x| (x - tw).exp()).sum();
    let share = 1.0 / sum;
    let n = open.len() as f64;
    // lingua's own confidence: its share rescaled so that an even split is 0.
    let theirs = ((share - 1.0 / n) / (1.0 - 1.0 / n)).clamp(0.0, 1.0);
    let (top, mine) = ours;
    let mine = mine.clamp(0.0, 1.0);
    if theirs < FALLBACK_UNDECIDED {
        return None;
    }
    Some(if open[k] == top {
        // Two opinions agree: the firmer of the two.
        (top, mine.max(theirs))
    } else {
        // lingua overrides: its confidence, discounted by ours in the answer it
        // overrides, so never above 1 - ours.
        (open[k], theirs * (1.0 - mine))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undecided_lingua_leaves_our_answer_alone() {
        // Equal weights: no answer from lingua, whichever language is listed first.
        assert_eq!(combine((2, 0.3), &[0, 1, 2], &[-1.0, -1.0, -1.0]), None);
        assert_eq!(combine((1, 0.0), &[0, 1], &[-0.7, -0.7]), None);
        assert_eq!(combine((1, 0.0), &[0, 1], &[f64::NAN, -0.7]), None);
    }

    #[test]
    fn agreement_never_lowers_and_disagreement_is_discounted() {
        // lingua agrees, less sure than we are: our confidence stands.
        let (k, c) = combine((0, 0.38), &[0, 1, 3], &[-0.5, -1.5, -2.0]).unwrap();
        assert_eq!(k, 0);
        assert!(c >= 0.38);
        // lingua agrees and is surer: its confidence.
        let (_, c) = combine((0, 0.1), &[0, 1], &[-0.01, -6.0]).unwrap();
        assert!(c > 0.9);
        // lingua disagrees, very sure: its confidence times (1 - ours).
        let (k, c) = combine((0, 0.5), &[0, 3], &[-6.0, -0.01]).unwrap();
        assert_eq!(k, 3);
        assert!(c <= 0.5 && c > 0.45, "{c}");
    }

    #[test]
    fn lingua_sees_a_bounded_prefix_cut_between_words() {
        let long = "слова ".repeat(10_000);
        let p = fallback_prefix(&long);
        assert!(p.len() <= FALLBACK_MAX_BYTES && p.len() > FALLBACK_MAX_BYTES / 2);
        assert!(p.ends_with("слова"), "{:?}", &p[p.len() - 20..]);
        // One endless word: cut at a character boundary.
        let word = "ж".repeat(10_000);
        let p = fallback_prefix(&word);
        assert!(p.len() <= FALLBACK_MAX_BYTES && p.len() >= FALLBACK_MAX_BYTES - 1);
        assert_eq!(fallback_prefix("кароткі тэкст"), "кароткі тэкст");
    }
}
