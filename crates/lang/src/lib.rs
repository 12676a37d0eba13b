//! Language detection for crawled pages, on [whatlang] trigrams plus orthographic evidence
//! that keeps Belarusian, Russian and Ukrainian apart.
//!
//! A [`Detector`] is built once from [`Settings`] and shared (it is `Send + Sync`).
//! [`Detector::detect`] guesses the language of one text and returns a [`Guess`];
//! [`Detector::detect_blocks`] guesses each block of a page and aggregates the blocks into a
//! [`PageGuess`] with the page language and its language mix.
//!
//! Codes are ISO 639-1 where one exists (`"be"`, `"ru"`, `"uk"`, `"en"`, `"kk"`), and
//! `"und"` when the text is too short or unclear: a wrong confident answer is worse than
//! none. [`supported_languages`] lists them all.
//!
//! # Example
//!
//! ```
//! use pagesift_lang::{BlockText, Detector, Settings};
//!
//! let detector = Detector::new(Settings::default().with_allowlist(["be", "ru", "uk", "en"]))?;
//! let guess = detector.detect("Міністэрства сувязі і інфарматызацыі Рэспублікі Беларусь");
//! assert_eq!(guess.lang, "be");
//!
//! let page = detector.detect_blocks(
//!     &[
//!         BlockText { text: "Новости", is_heading: true },
//!         BlockText { text: "Министерство связи и информатизации сообщает о начале работы.", is_heading: false },
//!     ],
//!     Some("ru-RU"),
//! );
//! assert_eq!(page.lang, "ru");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it decides
//!
//! Text whose letters are mostly Cyrillic is scored for Russian, Ukrainian, Belarusian,
//! Bulgarian, Macedonian, Serbian and Kazakh: letters only one language has or one language
//! lacks, apostrophes between letters, a Latin `i` typed inside Cyrillic words (read as
//! `і`, as Belarusian official text often does), frequent words, word endings and
//! spellings, and base rates (Russian is written far more than Bulgarian, Macedonian or
//! Serbian; see [`Settings::with_south_slavic_margin`]). When that leaves more than one
//! language close to the top, whatlang's trigrams, restricted to those languages, break
//! the tie. whatlang has no Kazakh; Kazakh letters and suffixes are
//! recognised here. Other scripts go to whatlang directly.
//!
//! # Optional fallback to lingua
//!
//! With the cargo feature `lingua-fallback`, `Settings::with_fallback` hands the
//! uncertain few Cyrillic-script texts to [lingua](https://docs.rs/lingua)'s high-accuracy
//! models of the allowed Cyrillic-script languages, within the choices the letters leave
//! open, and blends lingua's confidence with this crate's. The feature is off by
//! default; the common path never touches lingua.
//!
//! # Untrusted input
//!
//! Any `&str` is accepted; detection never panics and runs in time linear in the input.
//!
//! # Performance
//!
//! One pass over the text plus at most one whatlang call; on Cyrillic text the whatlang
//! call is skipped when letters and words settle the language, and word-level checks stop
//! after the first 200 Cyrillic words. Measured at 90–150 % of plain whatlang's speed with
//! the same allowlist (see the crate README and `benches/lang.rs`).
#![deny(missing_docs)]

mod code;
mod cyrillic;
#[cfg(feature = "lingua-fallback")]
mod fallback;
mod words;

#[cfg(feature = "lingua-fallback")]
pub use fallback::FALLBACK_MAX_BYTES;
#[cfg(feature = "lingua-fallback")]
use fallback::{
    combine, fallback_prefix, FALLBACK_FLOOR, FALLBACK_PRIOR, FALLBACK_SOUTH, FALLBACK_WINDOW,
};

use code::Lang;
use cyrillic::{Cyr, Scan, N};
use std::collections::HashMap;
use whatlang::Lang as W;

/// Code of an undetermined language.
pub const UND: &str = "und";

/// Codes of every language a [`Detector`] can answer: whatlang's languages plus Kazakh,
/// as a detector without an allowlist gives them in [`Detector::languages`], in no
/// particular order. [`UND`] is not among them.
///
/// ```
/// let codes = pagesift_lang::supported_languages();
/// assert!(codes.contains(&"be") && codes.contains(&"kk"));
/// ```
pub fn supported_languages() -> Vec<&'static str> {
    Lang::all().map(Lang::code).collect()
}

/// Settings of a [`Detector`]: chained `with_*` setters, then [`Detector::new`].
#[derive(Debug, Clone)]
pub struct Settings {
    allowlist: Option<Vec<String>>,
    min_chars: usize,
    min_confidence: f64,
    prior: Option<String>,
    short_block_chars: usize,
    south_base: Option<f32>,
    #[cfg(feature = "lingua-fallback")]
    fallback_below: f64,
    #[cfg(feature = "lingua-fallback")]
    fallback_below_long: Option<f64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            allowlist: None,
            min_chars: 3,
            min_confidence: 0.0,
            prior: None,
            short_block_chars: 25,
            south_base: None,
            #[cfg(feature = "lingua-fallback")]
            fallback_below: 0.0,
            #[cfg(feature = "lingua-fallback")]
            fallback_below_long: None,
        }
    }
}

impl Settings {
    /// Restricts guesses to these codes (ISO 639-1 / 639-3, or tags such as `be-BY`).
    /// Unknown codes are an error at [`Detector::new`].
    ///
    /// ### Default
    /// Every language whatlang knows, plus Kazakh.
    pub fn with_allowlist<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, codes: I) -> Self {
        self.allowlist = Some(codes.into_iter().map(|c| c.as_ref().to_owned()).collect());
        self
    }

    /// Minimum number of letters for a guess; shorter text is `und`.
    ///
    /// ### Default
    /// 3.
    pub fn with_min_chars(mut self, letters: usize) -> Self {
        self.min_chars = letters;
        self
    }

    /// Minimum confidence for a guess; a guess below it is reported as `und`.
    /// Raise it where a wrong answer costs more than no answer.
    ///
    /// ### Default
    /// 0.0: every text long enough gets its best guess, with its confidence.
    pub fn with_min_confidence(mut self, confidence: f64) -> Self {
        self.min_confidence = confidence;
        self
    }

    /// A language to favour when the text leaves the choice open (a site's usual
    /// language). [`Detector::detect_blocks`]'s own `prior` argument takes precedence.
    ///
    /// ### Default
    /// None.
    pub fn with_prior(mut self, code: &str) -> Self {
        self.prior = Some(code.to_owned());
        self
    }

    /// How much better Bulgarian, Macedonian and Serbian must fit a text than Russian, the
    /// most written Cyrillic-script language, to win it, as a score (negative or
    /// non-finite values count as 0). Raise it where Russian text is expected and short
    /// South Slavic text is rare: at 0.8, Russian single words and word pairs are told
    /// apart about as well as lingua's high-accuracy mode does (84 % and 96 % on lingua's
    /// test set, against 69 % and 93 % by default), while a third of Bulgarian,
    /// Macedonian and Serbian single words become Russian. Without Bulgarian, Macedonian
    /// and Serbian in the allowlist it changes nothing.
    ///
    /// ### Default
    /// 0.5 for Bulgarian, 0.4 for Macedonian, 0.3 for Serbian; 0.8 for each on text of
    /// three words or more. Every language stays at or above plain whatlang's accuracy.
    pub fn with_south_slavic_margin(mut self, score: f32) -> Self {
        self.south_base = Some(if score.is_finite() {
            score.max(0.0)
        } else {
            0.0
        });
        self
    }

    /// Asks lingua's high-accuracy models (feature `lingua-fallback`) about Cyrillic-script
    /// text whose answer has a confidence below this, when two or more allowed languages
    /// remain open after the letters have had their say. lingua chooses among the open
    /// languages only, weighed with base rates (Bulgarian, Macedonian, Serbian and Kazakh
    /// are written far less than the East Slavic languages) and the prior. A language
    /// whose alphabet lacks a letter of the text is never open, however well the rest of
    /// the text fits it: lingua never moves the answer from a text with ў to a language
    /// other than Belarusian, nor from one with ї, є or ґ to one other than Ukrainian, nor
    /// from one with і (or a Latin `i` typed inside a Cyrillic word, which is read as `і`
    /// in the words the letter scan reads, about the first 200 Cyrillic words) to Russian.
    /// Headings and short blocks that lean on a page prior in [`Detector::detect_blocks`]
    /// are not re-asked, nor is text in other scripts, nor text without a word-like word
    /// (one letter repeated, no vowel: "ЙЙЙЙ", "аааа", "МВД"), on which lingua's models are
    /// as lost as ours yet answer confidently.
    /// lingua is shown at most the first [`FALLBACK_MAX_BYTES`] of a text.
    ///
    /// **Confidence with the fallback** blends both opinions. lingua's own confidence is
    /// its share of the open languages rescaled so that an even split is 0; below 0.02
    /// lingua is undecided and our answer and confidence stand. When lingua picks our
    /// answer, the confidence is the higher of ours and lingua's, so re-asking never lowers
    /// it and `reliable` and [`with_min_confidence`](Self::with_min_confidence) pass
    /// whatever they passed without the fallback. When lingua picks another language, the
    /// confidence is lingua's times (1 − ours): an override is never surer than our
    /// doubt about the answer it replaces.
    ///
    /// The threshold is length-aware: this one applies to texts of one or two Cyrillic
    /// words, where letters and trigrams say little; on three words or more, where this
    /// crate's own evidence is much stronger, a lower one applies, by default half of this
    /// (see [`with_long_text_fallback`](Self::with_long_text_fallback)).
    ///
    /// At 0.65 on lingua's test set, Belarusian, Russian and Ukrainian single words and
    /// word pairs come out at or above lingua's own high-accuracy figures and their
    /// sentences at 99.8 % or more; in exchange about half of all Cyrillic word pairs and
    /// 2 % of Cyrillic sentences go through lingua, which is 20–40 times slower. lingua
    /// loads each model on first use (about 10 ms for the first text, about 12 MB
    /// resident, 33 MB once all seven Cyrillic-script models are used; see the crate
    /// README). 0 or below (or a non-finite value) turns the fallback off.
    ///
    /// ```
    /// use pagesift_lang::{Detector, Settings};
    ///
    /// let detector = Detector::new(
    ///     Settings::default().with_allowlist(["be", "ru", "uk", "en"]).with_fallback(0.65),
    /// )?;
    /// assert_eq!(detector.detect("Работа отдела").lang, "ru");
    /// assert_eq!(detector.detect("Ўсход").lang, "be"); // settled by ў, lingua not asked
    /// assert_eq!(detector.fallback_calls(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// ### Default
    /// 0.0: off.
    #[cfg(feature = "lingua-fallback")]
    pub fn with_fallback(mut self, below: f64) -> Self {
        self.fallback_below = if below.is_finite() { below } else { 0.0 };
        self
    }

    /// The fallback's threshold for texts of three Cyrillic words or more (see
    /// [`with_fallback`](Self::with_fallback), which must be on for this to matter). On
    /// lingua's test sentences, 0.65 instead of the default 0.325 sends 2.9 times as many
    /// Cyrillic sentences to lingua (5.3 % instead of 1.8 %): Serbian sentences gain 4
    /// points (98.4 % instead of 94.1 %), Russian and Ukrainian ones lose 0.3 and 0.1.
    /// 0 or below (or a non-finite value) never re-asks long texts.
    ///
    /// ### Default
    /// Half of [`with_fallback`](Self::with_fallback)'s threshold.
    #[cfg(feature = "lingua-fallback")]
    pub fn with_long_text_fallback(mut self, below: f64) -> Self {
        self.fallback_below_long = Some(if below.is_finite() { below } else { 0.0 });
        self
    }

    /// In [`Detector::detect_blocks`], blocks with fewer letters than this lean on the
    /// page's prior like headings do.
    ///
    /// ### Default
    /// 25.
    pub fn with_short_block_chars(mut self, letters: usize) -> Self {
        self.short_block_chars = letters;
        self
    }
}

/// Built detector, `Send + Sync`; build once and share.
#[derive(Debug, Clone)]
pub struct Detector {
    /// whatlang restricted to the allowed languages it knows.
    whatlang: whatlang::Detector,
    /// Allowed Cyrillic languages scored by this crate.
    cyr_allowed: [bool; N],
    /// whatlang restricted to a subset of its Cyrillic languages, by bit mask over
    /// `Cyr::Ru..=Cyr::Sr`.
    whatlang_cyr: Vec<whatlang::Detector>,
    /// Every allowed language.
    allowed: Vec<Lang>,
    min_chars: usize,
    min_confidence: f64,
    prior: Option<Lang>,
    short_block_chars: usize,
    south_base: Option<f32>,
    /// lingua's side, with the confidences below which it is asked; shared by clones.
    #[cfg(feature = "lingua-fallback")]
    fallback: Option<std::sync::Arc<fallback::Fallback>>,
}

/// A language guess.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Guess {
    /// ISO 639-1 where it exists, else 639-3; "und" when unsure.
    pub lang: String,
    /// Script name, e.g. "Cyrillic"; `None` when the text has no letters.
    pub script: Option<String>,
    /// Confidence in [0, 1]; 0 for `und`. For Cyrillic-script text it grows with the lead
    /// of the answer's evidence over the runner-up's (1 − e^(−lead/3)). With the
    /// `lingua-fallback` feature, on a text re-asked of lingua, it blends both opinions:
    /// the higher of the two when lingua agrees, lingua's times (1 − ours) when it
    /// overrides (see `Settings::with_fallback`).
    pub confidence: f64,
    /// Whether the guess is one to act on without a second look.
    pub reliable: bool,
}

impl Guess {
    fn und(script: Option<String>) -> Guess {
        Guess {
            lang: UND.to_owned(),
            script,
            confidence: 0.0,
            reliable: false,
        }
    }

    /// Whether this guess is `und`.
    pub fn is_und(&self) -> bool {
        self.lang == UND
    }
}

/// One input block for page-level detection.
#[derive(Debug, Clone, Copy)]
pub struct BlockText<'a> {
    /// The block's text.
    pub text: &'a str,
    /// Headings and menu-like blocks lean on the prior.
    pub is_heading: bool,
}

/// A share of a page's language mix.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LangShare {
    /// Language code.
    pub lang: String,
    /// Share in [0, 1] of the page's letters in blocks of this language.
    pub share: f64,
}

/// Page-level result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PageGuess {
    /// Page language: the largest share of the mix, or "und".
    pub lang: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Languages of the page's blocks by share of letters, largest first; `und` blocks
    /// are left out.
    pub mix: Vec<LangShare>,
    /// Guess per input block, in input order.
    pub blocks: Vec<Guess>,
}

/// Errors of building a [`Detector`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A code in the allowlist or the prior is not a language the detector knows.
    #[error("unknown language code {0:?}")]
    UnknownLanguage(String),
    /// The allowlist is empty.
    #[error("the language allowlist is empty")]
    EmptyAllowlist,
}

/// whatlang's Cyrillic languages in `Cyr` order (Kazakh, last, is not one of them).
const WHATLANG_CYR: [W; 6] = [W::Rus, W::Ukr, W::Bel, W::Bul, W::Mkd, W::Srp];

fn cyr_lang(c: Cyr) -> Lang {
    match c {
        Cyr::Kk => Lang::Kazakh,
        _ => Lang::W(WHATLANG_CYR[c as usize]),
    }
}

fn cyr_index(l: Lang) -> Option<usize> {
    match l {
        Lang::Kazakh => Some(Cyr::Kk as usize),
        Lang::W(w) => WHATLANG_CYR.iter().position(|x| *x == w),
    }
}

/// Candidates within this distance of the best score are handed to whatlang's trigrams.
const TIE_WINDOW: f32 = 2.5;

impl Detector {
    /// Builds a detector from settings.
    ///
    /// # Errors
    /// [`Error::UnknownLanguage`] for a code in the allowlist or prior that names no
    /// language the detector knows; [`Error::EmptyAllowlist`] for an empty allowlist.
    pub fn new(settings: Settings) -> Result<Self, Error> {
        let allowed: Vec<Lang> = match &settings.allowlist {
            None => Lang::all().collect(),
            Some(list) => {
                let mut out = Vec::new();
                for c in list {
                    let l = Lang::parse(c).ok_or_else(|| Error::UnknownLanguage(c.clone()))?;
                    if !out.contains(&l) {
                        out.push(l);
                    }
                }
                if out.is_empty() {
                    return Err(Error::EmptyAllowlist);
                }
                out
            }
        };
        let prior = match &settings.prior {
            None => None,
            Some(p) => Some(Lang::parse(p).ok_or_else(|| Error::UnknownLanguage(p.clone()))?),
        };
        let wl: Vec<W> = allowed
            .iter()
            .filter_map(|l| match l {
                Lang::W(w) => Some(*w),
                Lang::Kazakh => None,
            })
            .collect();
        let mut cyr_allowed = [false; N];
        for l in &allowed {
            if let Some(i) = cyr_index(*l) {
                cyr_allowed[i] = true;
            }
        }
        let whatlang_cyr = (0..64u32)
            .map(|mask| {
                let langs = WHATLANG_CYR
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, w)| *w)
                    .collect();
                whatlang::Detector::with_allowlist(langs)
            })
            .collect();
        Ok(Detector {
            whatlang: whatlang::Detector::with_allowlist(wl),
            cyr_allowed,
            whatlang_cyr,
            allowed,
            min_chars: settings.min_chars,
            min_confidence: settings.min_confidence,
            prior,
            short_block_chars: settings.short_block_chars,
            south_base: settings.south_base,
            #[cfg(feature = "lingua-fallback")]
            fallback: fallback::Fallback::new(
                &cyr_allowed,
                settings.fallback_below,
                settings.fallback_below_long,
            )
            .map(std::sync::Arc::new),
        })
    }

    /// How many texts this detector and its clones have handed to lingua's fallback
    /// since it was built (see [`Settings::with_fallback`]); always 0 when the
    /// fallback is off.
    #[cfg(feature = "lingua-fallback")]
    pub fn fallback_calls(&self) -> u64 {
        self.fallback.as_ref().map_or(0, |f| f.calls())
    }

    /// Codes of the languages this detector may answer, in no particular order: those of
    /// its allowlist, or all of [`supported_languages`].
    pub fn languages(&self) -> Vec<&'static str> {
        self.allowed.iter().map(|l| l.code()).collect()
    }

    /// Detects the language of one text.
    pub fn detect(&self, text: &str) -> Guess {
        self.detect_with(text, self.prior, PRIOR_WEIGHT_TEXT)
    }

    /// Detects a page's blocks; `prior` is e.g. the page's `html lang` ("ru", "be-BY").
    /// An unknown prior is ignored. Headings and blocks shorter than the short-block
    /// threshold lean on the prior; the page's mix weighs blocks by their letters.
    pub fn detect_blocks(&self, blocks: &[BlockText<'_>], prior: Option<&str>) -> PageGuess {
        let prior = prior.and_then(Lang::parse).or(self.prior);
        let mut weights: HashMap<String, (f64, f64)> = HashMap::new();
        let mut total = 0.0;
        let mut out = Vec::with_capacity(blocks.len());
        for b in blocks {
            let letters = b.text.chars().filter(|c| c.is_alphabetic()).count();
            let lean = b.is_heading || letters < self.short_block_chars;
            let weight = if lean {
                PRIOR_WEIGHT_HEADING
            } else {
                PRIOR_WEIGHT_TEXT
            };
            let guess = self.detect_with(b.text, prior, weight);
            if !guess.is_und() {
                let w = letters as f64;
                let e = weights.entry(guess.lang.clone()).or_insert((0.0, 0.0));
                e.0 += w;
                e.1 += w * guess.confidence;
                total += w;
            }
            out.push(guess);
        }
        let mut mix: Vec<(String, f64, f64)> = weights
            .into_iter()
            .map(|(lang, (w, wc))| (lang, w, if w > 0.0 { wc / w } else { 0.0 }))
            .collect();
        mix.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let (lang, confidence) = match mix.first() {
            Some((l, w, c)) if total > 0.0 => (l.clone(), (w / total) * c),
            _ => (UND.to_owned(), 0.0),
        };
        PageGuess {
            lang,
            confidence: confidence.clamp(0.0, 1.0),
            mix: mix
                .into_iter()
                .map(|(lang, w, _)| LangShare {
                    lang,
                    share: if total > 0.0 { w / total } else { 0.0 },
                })
                .collect(),
            blocks: out,
        }
    }

    /// Detects with a prior of the given weight.
    fn detect_with(&self, text: &str, prior: Option<Lang>, prior_weight: f32) -> Guess {
        // No Cyrillic byte at all (lead bytes 0xD0..=0xD4 cover U+0400..U+052F): whatlang
        // alone decides, and the scan is skipped.
        if !text.bytes().any(|b| (0xD0..=0xD4).contains(&b)) {
            let letters = text
                .chars()
                .filter(|c| c.is_alphabetic())
                .take(self.min_chars.max(1))
                .count();
            if letters < self.min_chars.max(1) {
                let script = (letters > 0)
                    .then(|| whatlang::detect_script(text).map(|s| s.name().to_owned()))
                    .flatten();
                return Guess::und(script);
            }
            return self.finish(text, self.detect_other(text, prior, prior_weight));
        }
        let scan = Scan::new(text);
        let letters = scan.letters;
        if letters < self.min_chars.max(1) {
            let script = if letters == 0 {
                None
            } else {
                whatlang::detect_script(text).map(|s| s.name().to_owned())
            };
            return Guess::und(script);
        }
        let guess = if scan.cyrillic * 2 >= letters {
            self.detect_cyrillic(text, &scan, prior, prior_weight)
        } else {
            self.detect_other(text, prior, prior_weight)
        };
        self.finish(text, guess)
    }

    /// Applies the minimum confidence; `None` (no allowed language fits) is `und`.
    fn finish(&self, text: &str, guess: Option<Guess>) -> Guess {
        match guess {
            Some(g) if g.confidence >= self.min_confidence => g,
            Some(g) => Guess::und(g.script),
            None => Guess::und(whatlang::detect_script(text).map(|s| s.name().to_owned())),
        }
    }

    fn detect_cyrillic(
        &self,
        text: &str,
        scan: &Scan,
        prior: Option<Lang>,
        prior_weight: f32,
    ) -> Option<Guess> {
        let mut score = scan.evidence;
        for (s, b) in score
            .iter_mut()
            .zip(cyrillic::base_rates(scan.words, self.south_base))
        {
            *s += b;
        }
        if let Some(i) = prior.and_then(cyr_index).filter(|i| self.cyr_allowed[*i]) {
            score[i] += prior_weight;
        }
        let best = Cyr::ALL
            .iter()
            .filter(|c| self.cyr_allowed[**c as usize])
            .map(|c| score[*c as usize])
            .fold(f32::NEG_INFINITY, f32::max);
        if best == f32::NEG_INFINITY {
            // No Cyrillic language allowed: let whatlang try the other scripts.
            return self.detect_other(text, prior, prior_weight);
        }
        // The evidence before whatlang's vote, for the fallback (`best` is its top).
        #[cfg(feature = "lingua-fallback")]
        let evidence = score;
        let mut mask = 0u32;
        for c in &Cyr::ALL[..6] {
            if self.cyr_allowed[*c as usize] && score[*c as usize] >= best - TIE_WINDOW {
                mask |= 1 << (*c as u32);
            }
        }
        if mask.count_ones() >= 2 {
            let input = scan.with_cyrillic_i(text);
            if let Some(info) = self.whatlang_cyr[mask as usize].detect(&input) {
                if let Some(i) = cyr_index(Lang::W(info.lang())) {
                    score[i] += WHATLANG_BASE + WHATLANG_CONF * info.confidence() as f32;
                }
            }
        }
        // Best and runner-up among the allowed; ties go to the earlier (Russian first).
        let (mut top, mut s1, mut s2) = (usize::MAX, f32::NEG_INFINITY, f32::NEG_INFINITY);
        for i in (0..N).filter(|i| self.cyr_allowed[*i]) {
            if score[i] > s1 {
                (top, s1, s2) = (i, score[i], s1);
            } else if score[i] > s2 {
                s2 = score[i];
            }
        }
        let top = top.min(N - 1);
        let margin = s1 - s2;
        let confidence = if margin.is_finite() {
            1.0 - (-(margin as f64) / 3.0).exp()
        } else {
            1.0
        };
        // The uncertain few: a second opinion from lingua, when the feature is on.
        #[cfg(feature = "lingua-fallback")]
        let (top, confidence) = match &self.fallback {
            // Headings and short blocks with a prior lean on the prior, not on lingua.
            Some(fb)
                if confidence < fb.threshold(scan.words)
                    && !(prior.is_some() && prior_weight >= PRIOR_WEIGHT_HEADING) =>
            {
                self.second_opinion(
                    fb,
                    text,
                    scan,
                    &evidence,
                    best,
                    (top, confidence),
                    prior.and_then(cyr_index),
                    prior_weight,
                )
                .unwrap_or((top, confidence))
            }
            _ => (top, confidence),
        };
        let mut confidence = confidence;
        // A language outside the allowlist fits better (Kazakh text when Kazakh is not
        // allowed, say): the allowed answer is a guess, not a finding.
        if (0..N).any(|i| !self.cyr_allowed[i] && score[i] > s1 + 1.0) {
            confidence = confidence.min(OUTSIDER_CONFIDENCE);
        }
        Some(Guess {
            lang: cyr_lang(Cyr::ALL[top]).code().to_owned(),
            script: Some("Cyrillic".to_owned()),
            confidence,
            reliable: confidence >= RELIABLE && scan.letters >= 10,
        })
    }

    /// lingua's opinion combined with ours, among the allowed languages the evidence
    /// leaves open and the letters do not rule out; `None` (keep ours) when fewer than two
    /// remain, when the text has no word-like word, or when lingua is undecided. `best` is
    /// the highest `evidence` of an allowed language; `ours` is our answer and its
    /// confidence. Returns the answer and its confidence (see [`Settings::with_fallback`]
    /// for what it means).
    #[cfg(feature = "lingua-fallback")]
    #[allow(clippy::too_many_arguments)]
    fn second_opinion(
        &self,
        fb: &fallback::Fallback,
        text: &str,
        scan: &Scan,
        evidence: &[f32; N],
        best: f32,
        ours: (usize, f64),
        prior: Option<usize>,
        prior_weight: f32,
    ) -> Option<(usize, f64)> {
        // A letter repeated, an abbreviation, a keyboard run: lingua's models know no
        // more about them than we do, yet would answer them confidently.
        if !scan.has_real_word {
            return None;
        }
        // A language whose alphabet lacks a letter of the text is never lingua's to give,
        // however close its total evidence (endings can make up for one letter's penalty).
        let open: Vec<usize> = (0..N)
            .filter(|i| {
                self.cyr_allowed[*i]
                    && evidence[*i] >= best - FALLBACK_WINDOW
                    && scan.ruled_out & (1 << i) == 0
            })
            .collect();
        if open.len() < 2 {
            return None;
        }
        let input = scan.with_cyrillic_i(fallback_prefix(text));
        let probs = fb.confidences(&input, &open)?;
        if open.iter().all(|i| probs[*i] <= 0.0) {
            return None;
        }
        // lingua's log-probabilities, plus the base rates: lingua weighs every language
        // alike, while Bulgarian, Macedonian and Serbian are written far less than the
        // East Slavic languages; plus the prior.
        let t: Vec<f64> = open
            .iter()
            .map(|&i| {
                let mut x = probs[i].max(FALLBACK_FLOOR).ln();
                if matches!(Cyr::ALL[i], Cyr::Bg | Cyr::Mk | Cyr::Sr | Cyr::Kk) {
                    x -= FALLBACK_SOUTH;
                }
                if prior == Some(i) {
                    x += FALLBACK_PRIOR * prior_weight as f64;
                }
                x
            })
            .collect();
        combine(ours, &open, &t)
    }

    fn detect_other(&self, text: &str, prior: Option<Lang>, prior_weight: f32) -> Option<Guess> {
        let info = self.whatlang.detect(text)?;
        let mut lang = Lang::W(info.lang());
        let mut confidence = info.confidence();
        // On an unclear answer, a prior in the same script wins.
        if let Some(Lang::W(p)) = prior {
            if p != info.lang()
                && confidence < 0.2 * prior_weight as f64
                && self.allowed.contains(&Lang::W(p))
            {
                let same_script = whatlang::Detector::with_allowlist(vec![p])
                    .detect(text)
                    .is_some_and(|i| i.script() == info.script());
                if same_script {
                    lang = Lang::W(p);
                    confidence = 0.5;
                }
            }
        }
        Some(Guess {
            lang: lang.code().to_owned(),
            script: Some(info.script().name().to_owned()),
            confidence,
            reliable: confidence >= RELIABLE && info.is_reliable(),
        })
    }
}

/// What whatlang's pick among the close candidates adds, plus its confidence times
/// `WHATLANG_CONF`; kept below `TIE_WINDOW` so that trigrams break ties, not evidence.
const WHATLANG_BASE: f32 = 1.0;
const WHATLANG_CONF: f32 = 1.4;
/// Weight of the prior on a text of its own.
const PRIOR_WEIGHT_TEXT: f32 = 0.5;
/// Weight of the prior on a heading or short block.
const PRIOR_WEIGHT_HEADING: f32 = 3.0;
/// Highest confidence when a language outside the allowlist scores better.
const OUTSIDER_CONFIDENCE: f64 = 0.2;
/// Confidence from which a guess is reliable.
const RELIABLE: f64 = 0.8;
