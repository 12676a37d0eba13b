//! Multilingual, morphology-aware theme tagging with evidence.
//!
//! A [`Taxonomy`] lists themes (id, label, description, optional parent) with terms per
//! language; a [`Tagger`] built once from it finds those terms in a page's title and
//! blocks and returns one [`ThemeHit`] per theme found, with a score in `[0, 1]` and the
//! [`Evidence`] (term, language, byte span, block) that proves it. The default taxonomy of
//! 24 ICT-policy themes in English, Russian, Belarusian and Ukrainian ships inside the
//! crate ([`Taxonomy::default_taxonomy`]).
//!
//! # Example
//!
//! ```
//! use pagesift_themes::{Tagger, Taxonomy, TagBlock, TagInput};
//!
//! let tagger = Tagger::from_taxonomy(Taxonomy::default_taxonomy())?;
//! let blocks = [TagBlock {
//!     text: "Министерство обсудило ход цифровой трансформации и внедрение сетей 5G.",
//!     lang: Some("ru"),
//! }];
//! let hits = tagger.tag(&TagInput { title: None, title_lang: None, blocks: &blocks });
//! let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
//! assert!(ids.contains(&"digital-transformation"));
//! assert!(ids.contains(&"5g"));
//! let ev = &hits.iter().find(|h| h.id == "5g").unwrap().evidence[0];
//! assert_eq!(&blocks[0].text[ev.start..ev.end], "5G");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Taxonomy format
//!
//! A taxonomy is a TOML file of `[[theme]]` tables (full reference with examples in
//! `crates/themes/TAXONOMY.md`):
//!
//! ```toml
//! version = 1                              # optional; only 1 exists
//!
//! [[theme]]
//! id = "connecting-the-unconnected"        # unique, no spaces
//! label = "Connecting the unconnected"     # required
//! description = "Universal and meaningful connectivity."
//! parent = "digital-divide"                # optional; must be another theme's id
//! weight = 1.25                            # optional score multiplier (0.1..=3, default 1)
//!
//! [theme.terms]                            # language code = list of terms
//! en = ["universal connectivity",          # multi-word: matched as a word sequence
//!       { term = "connect the unconnected", gap = 1 },   # up to 1 other word between
//!       { term = "connectivity", exact = true },         # folded form only, no stemming
//!       # co-occurrence: a word of each group within 8 words, any order, one sentence
//!       { near = [["internet", "online"], ["village", "remote"]], window = 8 }]
//! ru = ["всеобщее подключение"]
//! "*" = ["Connect 2030"]                    # "*": matched in every language
//!
//! [theme.acronyms]                         # whole tokens, case-sensitive, as written
//! en = ["ICT"]
//!
//! [theme.exclude]                          # phrases that cancel an overlapping match
//! en = ["connected devices"]
//! ```
//!
//! A term entry is a string or a table with `term` and the flags `case_sensitive`,
//! `exact` (both default `false`) and `gap` (default 0, at most [`MAX_GAP`]), or a `near`
//! entry: 2 to 4 groups of alternative single words, matched when a word of every group
//! stands within `window` words (default [`DEFAULT_WINDOW`], at most [`MAX_WINDOW`]) of the
//! others in one sentence, in any order, with `term` as its optional name in evidence
//! ("households in remote villages still lack internet access" paraphrases a theme no
//! fixed phrase covers). Unknown keys are errors. Loading also rejects duplicate ids,
//! empty or duplicate terms, terms with no word left after normalisation, unknown parents
//! and parent cycles; every [`Error`] names the file, the line and the theme.
//!
//! # Matching
//!
//! Terms and text go through the same pipeline: `pagesift_normalize::words`, split at
//! hyphens ("ИКТ-сектор" is "ИКТ" + "сектор"), English possessives dropped ("ITU's"),
//! `pagesift_normalize::fold_for_matching` (lowercase, ё→е), then a stemmer for the term's
//! language: Snowball (rust-stemmers) for English, Russian and the other languages it
//! covers, a light suffix stripper of this crate for Belarusian and Ukrainian, none for
//! `"*"` and languages without one. So "цифровой трансформации", "лічбавай трансфармацыі"
//! and "цифрової трансформації" all meet their term. A term is a sequence of stem ids,
//! found with an Aho-Corasick automaton over the token-id stream (built once per language);
//! matches are verified (case for acronyms, folded form for `exact`), exclude phrases remove
//! overlapping matches of their theme, and the leftmost-longest non-overlapping matches
//! win, so "World Summit on the Information Society" is WSIS evidence and not also
//! "information society" (a match with a gap neither blocks nor is blocked). `near` entries
//! are found in the same stemmed token stream, one match per entry at a time (matches of
//! one entry share no word); their matches neither block nor are blocked by other themes,
//! and one that overlaps a term match of its own theme is dropped (the term is the better
//! evidence). An acronym term whose expansion the theme lists, when a page defines it as
//! something else, written in parentheses after words whose initials spell it and that are
//! no match of its theme ("avian influenza (AI)", "медико-социальной экспертизы (МСЭ)"), is
//! dropped from the whole page; "artificial intelligence (AI)" keeps it. A term of two
//! words or more (a hyphenated word counts as two) written in lowercase in the taxonomy,
//! matched in Title Case in Latin letters inside the name of a body ("Portfolio Committee
//! on Communications, Innovation and the Digital Economy", "National Centre for Electronic
//! Services": a name starting, up to eight words earlier in the sentence, with Ministry,
//! Minister, Committee, Department, Agency, Office, Commission, Council, Directorate,
//! Authority, Centre, Center, Institute, Inspectorate, Secretariat, Division, Board or
//! Bureau), names the body and is no evidence (so is a programme the body names after a
//! theme, "Department for Education Digital Skills Bootcamps"); a block mostly in Title
//! Case (a headline) is left alone, and terms written with capitals ("International
//! Telecommunication Union") are names on purpose. A block whose language is `None` or
//! `"und"` is matched against every language's terms; a block in another language, against
//! that language's terms and the `"*"` terms.
//!
//! # Score
//!
//! For each theme with `n` mentions and `d` distinct terms matched, in a page of `w` words
//! (runs of letters and digits, title included, `w` at least 20):
//!
//! ```text
//! score = 0.35 · min(1, ln(1+n) / ln 9)        repetition: 1 match 0.32, 3 → 0.63, 8+ → 1
//!       + 0.20 · min(1, (d-1) / 2)             variety: 1 distinct term 0, 3+ → 1
//!       + 0.25 · [a match in the title]
//!         or 0.05 · [else a match in a heading-like block]
//!       + 0.20 · min(1, 30 · n / w)             density: 1 mention per 30 words → 1
//! ```
//!
//! A mention is a match, except that an acronym whose letters are the initials of another
//! term of the theme matched next to it, at most two words apart ("the International
//! Telecommunication Union (ITU)", "ITU, the International Telecommunication Union"), is no
//! extra mention (later uses of the acronym are), and counts as no extra distinct term when
//! that term matched anywhere in the page ([`Settings::with_acronym_merge`], on by
//! default): a name and its abbreviation are one kind of evidence. `count` in the hit still
//! counts every match. The sum is multiplied by the theme's `weight` (taxonomy, default 1),
//! capped at 1 and rounded to three decimals. Density counts mentions, not matched words,
//! so a long official name ("центр надання адміністративних послуг") weighs no more than
//! its acronym: one mention in passing reaches the default threshold in a text of up to
//! about 150 words (a paragraph, a short news item), not in a long page unless the theme's
//! weight is above 1 or the mention is in the title or a heading-like block.
//! A heading-like block has at most 16 words and does not end like a sentence or a list
//! item (`.` `;` `:`) nor look like a table row (`|`): a section heading, or a headline
//! on a news list, so a theme that names a section is not dropped as a passing mention.
//!
//! A theme is reported when its score reaches the [`Settings::with_threshold`] threshold
//! (default 0.15): a single mention counts in a paragraph or a short page, but not in
//! passing in a long page unless it is in the title. Hits are sorted by score, descending
//! (ties by taxonomy order).
//!
//! # Performance
//!
//! Build a [`Tagger`] once and share it (`Send + Sync`); building the default taxonomy
//! takes about 12 ms, a 10,000-term one about 0.5 s. Tagging is linear in the
//! text. A block prefilter first looks, with one Aho-Corasick pass over the folded block,
//! for substrings that any term match must contain, and skips blocks without one (most
//! blocks of general text). Other blocks are segmented, folded and stemmed (a token only
//! when its first three letters could start a taxonomy stem, and through a per-thread
//! cache of token → stem id, at most 200,000 words), then run through the automaton. On a
//! shared 2-core machine, per CPU-second: 69–85 MB/s on general web text, 56–58 MB/s on
//! dense on-topic ministry paragraphs (`examples/throughput.rs`, `benches/tag.rs`); a
//! 10,000-term taxonomy costs about 2–3× more per byte.
//!
//! # Untrusted input
//!
//! Tagging never panics and allocates in proportion to the text. A taxonomy is trusted
//! configuration: its size sets the automata's memory (a 10,000-term one is fine).
#![deny(missing_docs)]

mod matcher;
mod stem;
mod taxonomy;
mod tokens;

use std::collections::HashSet;

pub use taxonomy::{Taxonomy, Term, Theme, ANY_LANG, DEFAULT_WINDOW, MAX_GAP, MAX_WINDOW};

use matcher::{Compiled, Found};
use tokens::{is_word_char, tokenize, tokenize_with, Token};

/// Tagger settings: built with [`Settings::new`] (same as [`Settings::default`]) and
/// chained `with_*` setters.
#[derive(Debug, Clone)]
pub struct Settings {
    threshold: f64,
    max_evidence: usize,
    prefilter: bool,
    merge_acronyms: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            threshold: 0.15,
            max_evidence: 10,
            prefilter: true,
            merge_acronyms: true,
        }
    }
}

impl Settings {
    /// The default settings (see each setter's `### Default`).
    pub fn new() -> Self {
        Settings::default()
    }

    /// Minimum score for a theme to be reported (clamped to `[0, 1]`).
    ///
    /// ### Default
    ///
    /// `0.15`: any match in a title or a short text, two or more anywhere.
    #[must_use]
    pub fn with_threshold(mut self, threshold: f64) -> Self {
        self.threshold = if threshold.is_nan() {
            0.0
        } else {
            threshold.clamp(0.0, 1.0)
        };
        self
    }

    /// Most evidence items kept per theme (the first ones in reading order, title first);
    /// `count` still counts every match.
    ///
    /// ### Default
    ///
    /// `10`.
    #[must_use]
    pub fn with_max_evidence(mut self, max: usize) -> Self {
        self.max_evidence = max;
        self
    }

    /// Skip blocks that cannot contain any term, found by one Aho-Corasick pass over the
    /// folded block for substrings every match must contain. Results are the same either
    /// way (the tests check it); turning it off only costs time.
    ///
    /// ### Default
    ///
    /// `true`.
    #[must_use]
    pub fn with_prefilter(mut self, on: bool) -> Self {
        self.prefilter = on;
        self
    }

    /// Count an acronym and its expansion as one piece of evidence: an acronym term ("ITU",
    /// "МСЭ", "ПВТ") whose letters are the initials of another term of the same theme
    /// ("International Telecommunication Union", "Парк высоких технологий") adds no mention
    /// when that term matched next to it, at most two words apart ("the International
    /// Telecommunication Union (ITU)"), and no distinct term when it matched anywhere in
    /// the page: a name introduced with its abbreviation is one mention, not two kinds of
    /// evidence; later uses of the abbreviation are mentions. Both matches stay in the
    /// evidence and in `count`. See the score formula in the crate docs.
    ///
    /// ### Default
    ///
    /// `true`.
    #[must_use]
    pub fn with_acronym_merge(mut self, on: bool) -> Self {
        self.merge_acronyms = on;
        self
    }

    /// The threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The evidence cap.
    pub fn max_evidence(&self) -> usize {
        self.max_evidence
    }
}

/// A built tagger: taxonomy compiled into per-language automata. `Send + Sync`; build
/// once and share.
#[derive(Debug, Clone)]
pub struct Tagger {
    taxonomy: Taxonomy,
    settings: Settings,
    compiled: Compiled,
    /// Per theme, per term: the terms of the same theme this term abbreviates (empty for
    /// terms that are not acronyms).
    expands: Vec<Vec<Vec<u32>>>,
}

/// A block of text to tag.
#[derive(Debug, Clone, Copy)]
pub struct TagBlock<'a> {
    /// The block's (normalised) text; evidence offsets are byte offsets into it.
    pub text: &'a str,
    /// Language code if known (`"ru"`, `"be-BY"`); `None` or `"und"` tries every language.
    pub lang: Option<&'a str>,
}

/// Input for one page.
#[derive(Debug, Clone, Copy)]
pub struct TagInput<'a> {
    /// The page title, if any; evidence found there has `block: None`.
    pub title: Option<&'a str>,
    /// The title's language (`None`/`"und"`: every language).
    pub title_lang: Option<&'a str>,
    /// The blocks, in page order; evidence `block` indexes this slice.
    pub blocks: &'a [TagBlock<'a>],
}

/// One piece of evidence for a theme.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// The taxonomy term that matched, as written in the taxonomy.
    pub term: String,
    /// The term's language; for `"*"` terms, the block's language (or `"und"`).
    pub lang: String,
    /// Byte start in the block's (or title's) text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// Block index, `None` for the title.
    pub block: Option<usize>,
}

/// One theme found in a page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ThemeHit {
    /// Theme id.
    pub id: String,
    /// Theme label.
    pub label: String,
    /// Score in `[0, 1]` (see the crate docs for the formula).
    pub score: f64,
    /// Number of matches (all of them, even past the evidence cap).
    pub count: usize,
    /// Evidence in reading order, title first, at most
    /// [`Settings::with_max_evidence`] items.
    pub evidence: Vec<Evidence>,
}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The taxonomy is well-formed TOML but breaks a rule (duplicate id, bad term, …).
    #[error("{file}:{line}: theme {theme:?}: {problem}")]
    Taxonomy {
        /// The taxonomy file (or origin name).
        file: String,
        /// Line (1-based, 0 if unknown).
        line: usize,
        /// The theme id concerned (empty if none).
        theme: String,
        /// What is wrong.
        problem: String,
    },
    /// The taxonomy is not valid TOML for this format (syntax, unknown key, wrong type).
    #[error("{file}:{line}: theme {theme:?}: {problem}")]
    Parse {
        /// The taxonomy file (or origin name).
        file: String,
        /// Line (1-based).
        line: usize,
        /// The id of the theme being read, if known (else empty).
        theme: String,
        /// The TOML parser's message.
        problem: String,
    },
    /// The taxonomy file could not be read.
    #[error("cannot read taxonomy {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The matcher could not be built from a valid taxonomy (size limits).
    #[error("cannot build theme matcher: {problem}")]
    Build {
        /// What failed.
        problem: String,
    },
}

/// A match kept in one block, waiting for the page-level checks.
struct PageMatch<'a> {
    theme: u32,
    term: u32,
    block: Option<usize>,
    lang: Option<&'a str>,
    heading: bool,
    /// An acronym merged with its expansion next to it (no extra mention).
    merged: bool,
    start: usize,
    end: usize,
}

/// Per-theme accumulator while tagging one page.
#[derive(Default)]
struct Acc {
    count: usize,
    /// Matches that count for the score (`count` less acronyms merged with their
    /// expansion next to them).
    mentions: usize,
    title: bool,
    heading: bool,
    terms: Vec<u32>,
    evidence: Vec<Evidence>,
}

impl Tagger {
    /// Builds with default [`Settings`].
    ///
    /// # Errors
    ///
    /// [`Error::Build`] if an automaton exceeds its size limits.
    pub fn from_taxonomy(t: Taxonomy) -> Result<Tagger, Error> {
        Tagger::new(t, Settings::default())
    }

    /// Builds from a taxonomy and settings: compiles the per-language automata.
    ///
    /// # Errors
    ///
    /// [`Error::Build`] if an automaton exceeds its size limits.
    pub fn new(t: Taxonomy, s: Settings) -> Result<Tagger, Error> {
        let compiled = Compiled::new(&t)?;
        let expands = t.themes.iter().map(acronym_expansions).collect();
        Ok(Tagger {
            taxonomy: t,
            settings: s,
            compiled,
            expands,
        })
    }

    /// The former name of [`Tagger::new`], kept so code written against it still builds.
    ///
    /// # Errors
    ///
    /// As [`Tagger::new`].
    #[deprecated(since = "0.1.0", note = "renamed to `Tagger::new`")]
    pub fn with_settings(t: Taxonomy, s: Settings) -> Result<Tagger, Error> {
        Tagger::new(t, s)
    }

    /// The taxonomy.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Tags one text in one language (a convenience for `tag` with one block and no title).
    pub fn tag_text(&self, text: &str, lang: Option<&str>) -> Vec<ThemeHit> {
        self.tag(&TagInput {
            title: None,
            title_lang: None,
            blocks: &[TagBlock { text, lang }],
        })
    }

    /// If `f` is an acronym term written in parentheses after words whose initials spell
    /// it ("avian influenza (AI)") and those words are no match of the acronym's theme in
    /// `kept`, the page uses the acronym for something else: returns `(theme, term)`.
    fn redefined(
        &self,
        text: &str,
        toks: &[Token<'_>],
        f: &Found,
        kept: &[Found],
    ) -> Option<(u32, u32)> {
        // Only an acronym whose expansion the theme lists can be told apart from its own
        // definition ("Long Term Evolution (LTE)" is no term of ours, and not a redefinition).
        if f.near
            || f.tok_end != f.tok_start + 1
            || self.expands[f.theme as usize][f.term as usize].is_empty()
        {
            return None;
        }
        let tok = &toks[f.tok_start];
        let before = text[..tok.start].trim_end();
        let after = text[tok.end..].trim_start();
        if !before.ends_with('(') || !after.starts_with(')') {
            return None;
        }
        let t = &self.taxonomy.themes[f.theme as usize].terms[f.term as usize];
        let letters = acronym_letters(&t.text)?;
        // The words right before the parenthesis, and nothing else in between.
        let open = before.len() - 1;
        let prev: Vec<&Token<'_>> = toks[..f.tok_start]
            .iter()
            .rev()
            .take(letters.len() + 3)
            .collect();
        if prev
            .first()
            .is_none_or(|p| !text[p.end..open].trim().is_empty())
        {
            return None;
        }
        for n in letters.len().max(2)..=prev.len() {
            let words = &prev[..n];
            let initials: Vec<char> = words
                .iter()
                .rev()
                .filter_map(|w| w.key.chars().next())
                .collect();
            if abbreviates(&letters, &initials) {
                let (from, to) = (f.tok_start - n, f.tok_start);
                let own = kept
                    .iter()
                    .any(|k| k.theme == f.theme && k.tok_start < to && from < k.tok_end);
                return (!own).then_some((f.theme, f.term));
            }
        }
        None
    }

    /// Whether `f` is an acronym standing next to (at most two words from) a match of a
    /// term it abbreviates ("Name (ACR)", "ACR, the Name"): one mention, not two. `kept`
    /// is one block's matches sorted by theme, so only `f`'s theme's run is searched.
    fn next_to_expansion(&self, f: &Found, kept: &[Found]) -> bool {
        let exp = &self.expands[f.theme as usize][f.term as usize];
        if !self.settings.merge_acronyms || exp.is_empty() {
            return false;
        }
        let from = kept.partition_point(|k| k.theme < f.theme);
        kept[from..]
            .iter()
            .take_while(|k| k.theme == f.theme)
            .any(|k| {
                exp.contains(&k.term)
                    && (f.tok_start.checked_sub(k.tok_end))
                        .or(k.tok_start.checked_sub(f.tok_end))
                        .is_some_and(|apart| apart <= 2)
            })
    }

    /// Tags a page: every theme whose score reaches the threshold, by score descending.
    pub fn tag(&self, input: &TagInput<'_>) -> Vec<ThemeHit> {
        let themes = &self.taxonomy.themes;
        let mut accs: Vec<Option<Acc>> = Vec::new();
        let mut total_words = 0usize;
        let mut ids = Vec::new();
        let mut bytes = Vec::new();
        let mut found: Vec<Found> = Vec::new();
        let mut groups = Vec::new();
        let mut kept: Vec<Found> = Vec::new();
        let mut matches: Vec<PageMatch<'_>> = Vec::new();
        let mut redefined: Vec<(u32, u32)> = Vec::new();
        let title = input.title.map(|t| (None, t, input.title_lang));
        let blocks = input
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (Some(i), b.text, b.lang));
        let mut live = Vec::new();
        for (block, text, lang) in title.into_iter().chain(blocks) {
            let block_words = count_words(text);
            total_words += block_words;
            // Block prefilter: only the groups whose anchors occur in the block are run.
            self.compiled.groups_for(lang, &mut groups);
            let needs_folded = self.settings.prefilter
                && groups
                    .iter()
                    .any(|&g| self.compiled.groups[g].needs_folded());
            let folded = if needs_folded {
                pagesift_normalize::fold_for_matching(text)
            } else {
                std::borrow::Cow::Borrowed(text)
            };
            let mut mapped: Option<String> = None;
            live.clear();
            for &g in &groups {
                let group = &self.compiled.groups[g];
                let pass = !self.settings.prefilter
                    || if group.maps_short_u() && folded.contains('ў') {
                        let m = mapped.get_or_insert_with(|| folded.replace('ў', "в"));
                        group.may_match(text, m)
                    } else {
                        group.may_match(text, &folded)
                    };
                if pass {
                    live.push(g);
                }
            }
            if live.is_empty() {
                continue;
            }
            // Per block: token keys may borrow this block's folded text.
            let mut toks: Vec<Token<'_>> = Vec::with_capacity(text.len() / 6 + 1);
            tokenize_with(text, needs_folded.then_some(folded.as_ref()), &mut toks);
            if toks.is_empty() {
                continue;
            }
            kept.clear();
            for &g in &live {
                found.clear();
                self.compiled.groups[g].find(text, &toks, &mut ids, &mut bytes, &mut found);
                kept.extend_from_slice(&found);
            }
            // A `near` match says less than a term of its theme: drop it where one
            // overlaps it.
            if kept.iter().any(|f| f.near) {
                let terms: Vec<(u32, usize, usize)> = kept
                    .iter()
                    .filter(|f| !f.near)
                    .map(|f| (f.theme, f.tok_start, f.tok_end))
                    .collect();
                kept.retain(|f| {
                    !f.near
                        || !terms
                            .iter()
                            .any(|&(t, s, e)| t == f.theme && s < f.tok_end && f.tok_start < e)
                });
            }
            // Across language groups, one span evidences a theme once: keep the longest of
            // overlapping matches per theme.
            kept.sort_by(|a, b| {
                a.theme
                    .cmp(&b.theme)
                    .then(a.tok_start.cmp(&b.tok_start))
                    .then(b.tok_end.cmp(&a.tok_end))
            });
            let mut last: Option<(u32, usize)> = None;
            kept.retain(|f| {
                if let Some((lt, le)) = last {
                    if lt == f.theme && f.tok_start < le {
                        return false;
                    }
                }
                last = Some((f.theme, f.tok_end));
                true
            });
            let heading = block.is_some() && is_heading_like(text, block_words);
            // A lowercase term inside an English body's name is the name; a headline in
            // Title Case says nothing about names (counted only when a match needs it).
            let mut headline: Option<bool> = None;
            kept.retain(|f| {
                let t = &themes[f.theme as usize].terms[f.term as usize];
                f.near
                    || !in_english_name(text, &toks, f.tok_start, f.tok_end)
                    || t.text.chars().any(char::is_uppercase)
                    || *headline.get_or_insert_with(|| {
                        let capitals = toks.iter().filter(|t| starts_upper(t.surface)).count();
                        capitals * 5 > toks.len() * 3
                    })
            });
            for f in &kept {
                if let Some(other) = self.redefined(text, &toks, f, &kept) {
                    redefined.push(other);
                }
                matches.push(PageMatch {
                    theme: f.theme,
                    term: f.term,
                    block,
                    lang,
                    heading,
                    merged: self.next_to_expansion(f, &kept),
                    start: toks[f.tok_start].start,
                    end: toks[f.tok_end - 1].end,
                });
            }
        }
        // An acronym the page defines as something else ("avian influenza (AI)",
        // "медико-социальной экспертизы (МСЭ)") is not evidence anywhere on the page.
        if !redefined.is_empty() {
            matches.retain(|m| {
                !redefined.iter().any(|&(theme, term)| {
                    m.theme == theme
                        && themes[theme as usize].terms[m.term as usize].text
                            == themes[theme as usize].terms[term as usize].text
                })
            });
        }
        for m in matches {
            if accs.is_empty() {
                accs.resize_with(themes.len(), || None);
            }
            let acc = accs[m.theme as usize].get_or_insert_with(Acc::default);
            acc.count += 1;
            if !m.merged {
                acc.mentions += 1;
            }
            acc.title |= m.block.is_none();
            acc.heading |= m.heading;
            if !acc.terms.contains(&m.term) {
                acc.terms.push(m.term);
            }
            if acc.evidence.len() < self.settings.max_evidence {
                let t = &themes[m.theme as usize].terms[m.term as usize];
                let lang_out = if t.lang == ANY_LANG {
                    block_lang(m.lang)
                } else {
                    t.lang.clone()
                };
                acc.evidence.push(Evidence {
                    term: t.text.clone(),
                    lang: lang_out,
                    start: m.start,
                    end: m.end,
                    block: m.block,
                });
            }
        }
        let w = total_words.max(20) as f64;
        let mut hits: Vec<(usize, ThemeHit)> = Vec::new();
        for (i, acc) in accs.into_iter().enumerate() {
            let Some(mut acc) = acc else { continue };
            let expands: &[Vec<u32>] = if self.settings.merge_acronyms {
                &self.expands[i]
            } else {
                &[]
            };
            let distinct = distinct_terms(&themes[i], &acc.terms, expands);
            let score = score(
                acc.mentions,
                distinct,
                acc.title,
                acc.heading,
                acc.mentions as f64 / w,
            );
            let score = ((score * themes[i].weight).clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
            if score + 1e-12 < self.settings.threshold || acc.count == 0 {
                continue;
            }
            acc.evidence
                .sort_by_key(|e| (e.block.map_or(0, |b| b + 1), e.start));
            hits.push((
                i,
                ThemeHit {
                    id: themes[i].id.clone(),
                    label: themes[i].label.clone(),
                    score,
                    count: acc.count,
                    evidence: acc.evidence,
                },
            ));
        }
        hits.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(_, h)| h).collect()
    }
}

/// First words of English names of bodies: a theme term written in Title Case inside a
/// name that starts with one of these ("Minister of Transport, Communications and
/// Digital Economy", "National Centre for Electronic Services") names the body, not the
/// theme.
const NAME_HEADS: [&str; 18] = [
    "ministry",
    "minister",
    "committee",
    "department",
    "agency",
    "office",
    "commission",
    "council",
    "directorate",
    "authority",
    "centre",
    "center",
    "institute",
    "inspectorate",
    "secretariat",
    "division",
    "board",
    "bureau",
];
/// Small words inside English names ("Ministry of Transport and the Digital Economy").
const NAME_LINKS: [&str; 5] = ["of", "and", "the", "for", "on"];

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether tokens `s..e`, a match of at least two words written in Title Case in Latin
/// letters, belong to a name that starts, up to eight words earlier in the same sentence,
/// with one of [`NAME_HEADS`] in Title Case, every word between being in Title Case or
/// one of [`NAME_LINKS`].
fn in_english_name(text: &str, toks: &[Token<'_>], s: usize, e: usize) -> bool {
    let m = &toks[s..e];
    if m.len() < 2
        || !starts_upper(m[0].surface)
        || !m.iter().all(|t| {
            t.surface.is_ascii()
                && (starts_upper(t.surface) || NAME_LINKS.contains(&t.key.as_ref()))
        })
        || m.iter().any(|t| NAME_HEADS.contains(&t.key.as_ref()))
    {
        return false;
    }
    let mut i = s;
    while i > 0 && s - i < 8 {
        let prev = &toks[i - 1];
        if matcher::sentence_break(&text[prev.end..toks[i].start]) {
            return false;
        }
        let k = prev.key.as_ref();
        if starts_upper(prev.surface) && NAME_HEADS.contains(&k) {
            return true;
        }
        if !(starts_upper(prev.surface) || NAME_LINKS.contains(&k)) {
            return false;
        }
        i -= 1;
    }
    false
}

/// Distinct terms, counting spelling variants of one language as one only when they are
/// literally the same text (so "ИКТ" and "информационно-коммуникационные технологии" are
/// two kinds of evidence), and not counting an acronym whose expansion also matched
/// (`expands`, per term; empty when acronyms are not merged).
fn distinct_terms(theme: &Theme, terms: &[u32], expands: &[Vec<u32>]) -> usize {
    let set: HashSet<&str> = terms
        .iter()
        .filter(|&&t| {
            expands
                .get(t as usize)
                .is_none_or(|exp| !exp.iter().any(|x| terms.contains(x)))
        })
        .map(|&t| theme.terms[t as usize].text.as_str())
        .collect();
    set.len()
}

/// For each term of a theme, the other terms of the theme it abbreviates: the term is one
/// token of 2 to 8 letters with at least two capitals ("ITU", "МСЭ", "IoT"), and its
/// letters, case folded, are a subsequence of the initials of a term of two or more words
/// that starts with that term's first initial and ends with its last ("World Summit on
/// the Information Society" → WSIS, "Всемирная встреча на высшем уровне по вопросам
/// информационного общества" → ВВУИО).
fn acronym_expansions(theme: &Theme) -> Vec<Vec<u32>> {
    let mut toks = Vec::new();
    let initials: Vec<Vec<char>> = theme
        .terms
        .iter()
        .map(|t| {
            // A `near` entry's text is a name, not words an acronym could abbreviate.
            if !t.near.is_empty() {
                return Vec::new();
            }
            toks.clear();
            tokenize(&t.text, &mut toks);
            toks.iter().filter_map(|k| k.key.chars().next()).collect()
        })
        .collect();
    theme
        .terms
        .iter()
        .map(|t| {
            let Some(letters) = acronym_letters(&t.text) else {
                return Vec::new();
            };
            (0..theme.terms.len() as u32)
                .filter(|&j| {
                    let ini = &initials[j as usize];
                    ini.len() >= 2 && abbreviates(&letters, ini)
                })
                .collect()
        })
        .collect()
}

/// The letters of an acronym term, lowercased: one token of 2 to 8 letters with at least
/// two capitals ("ITU", "МСЭ", "IoT"); `None` for other terms.
fn acronym_letters(text: &str) -> Option<Vec<char>> {
    let letters: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let acronym = (2..=8).contains(&letters.len())
        && text.chars().all(char::is_alphabetic)
        && text.chars().filter(|c| c.is_uppercase()).count() >= 2;
    acronym.then_some(letters)
}

/// Whether an acronym's `letters` (lowercase) abbreviate words with these `initials`: the
/// same first and last letter, the others in order ("wsis" for "World Summit on the
/// Information Society").
fn abbreviates(letters: &[char], initials: &[char]) -> bool {
    initials.first() == letters.first()
        && initials.last() == letters.last()
        && is_subsequence(letters, initials)
}

/// Whether `needle` is a subsequence of `hay`.
fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|c| it.any(|h| h == c))
}

/// Words for the density part of the score: runs of letters and digits (a hyphen or an
/// apostrophe separates). Cheap, so that blocks the prefilter skips still count.
fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = is_word_char(c);
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

fn block_lang(lang: Option<&str>) -> String {
    match lang {
        Some(l) if !l.trim().is_empty() => l.trim().to_owned(),
        _ => "und".to_owned(),
    }
}

/// A block that reads like a heading or a headline: at most 16 words, not a table row
/// (`|`), not ending like a sentence or a list item (`.`, `;`, `:`). A theme named there is
/// what a section or a news item of the page is about, not a passing mention.
fn is_heading_like(text: &str, words: usize) -> bool {
    let t = text.trim_end();
    words > 0 && words <= 16 && !t.contains('|') && !t.ends_with(['.', ';', ':', '…'])
}

/// The documented score before the theme's weight (see the crate docs); `density` is
/// mentions per word.
fn score(n: usize, distinct: usize, title: bool, heading: bool, density: f64) -> f64 {
    let rep = ((1.0 + n as f64).ln() / 9f64.ln()).min(1.0);
    let var = (distinct.saturating_sub(1) as f64 / 2.0).min(1.0);
    let dens = (30.0 * density).min(1.0);
    // A heading match counts only where the title does not already.
    let place = if title {
        0.25
    } else if heading {
        0.05
    } else {
        0.0
    };
    0.35 * rep + 0.20 * var + place + 0.20 * dens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_is_monotone_and_bounded() {
        assert!(score(1, 1, false, false, 0.1) < score(3, 1, false, false, 0.1));
        assert!(score(3, 1, false, false, 0.1) < score(3, 3, false, false, 0.1));
        assert!(score(3, 3, false, false, 0.1) < score(3, 3, false, true, 0.1));
        assert!(score(3, 3, false, true, 0.1) < score(3, 3, true, false, 0.1));
        assert_eq!(score(3, 3, true, true, 0.1), score(3, 3, true, false, 0.1));
        assert!(score(100, 100, true, true, 1.0) <= 1.0);
        assert!(score(1, 1, false, false, 0.0) > 0.0);
    }

    #[test]
    fn headings_are_short_and_not_sentences() {
        let h = |t: &str| is_heading_like(t, count_words(t));
        assert!(h(
            "Cyber drill for national CIRTs tests regional incident coordination"
        ));
        assert!(h("Облако для государственных органов"));
        assert!(!h("The Forum heard examples of what works."));
        assert!(!h("broadband infrastructure in rural areas;"));
        assert!(!h("Электронныя паслугі на адзіным партале | 214 | 287"));
        assert!(!h(""));
        assert!(!h(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
        ));
    }

    #[test]
    fn acronyms_expand_to_the_terms_whose_initials_they_are() {
        let tax = Taxonomy::from_toml_str(
            r#"
[[theme]]
id = "itu"
label = "ITU"
terms.en = ["International Telecommunication Union", "World Summit on the Information Society", "Internet of Things", "Intelligence Unit"]
terms.ru = ["Парк высоких технологий"]
acronyms.en = ["ITU", "WSIS", "IoT", "IU"]
acronyms.ru = ["ПВТ", "ИКТ"]
"#,
            "t",
        )
        .expect("valid");
        let exp = acronym_expansions(&tax.themes()[0]);
        let text = |i: &u32| tax.themes()[0].terms[*i as usize].text.as_str();
        let of = |acr: &str| -> Vec<&str> {
            let i = tax.themes()[0]
                .terms
                .iter()
                .position(|t| t.text == acr)
                .expect("term");
            exp[i].iter().map(text).collect()
        };
        assert_eq!(of("ITU"), ["International Telecommunication Union"]);
        assert_eq!(of("WSIS"), ["World Summit on the Information Society"]);
        assert_eq!(of("IoT"), ["Internet of Things"]);
        assert_eq!(of("ПВТ"), ["Парк высоких технологий"]);
        assert!(of("ИКТ").is_empty());
        // Initials may skip words ("on the"), so "IU" fits both I…U names.
        assert_eq!(
            of("IU"),
            ["International Telecommunication Union", "Intelligence Unit"]
        );
        assert!(exp[0].is_empty(), "a multi-word term is not an acronym");
    }

    #[test]
    fn tagger_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
