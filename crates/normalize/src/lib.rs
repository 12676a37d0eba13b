//! Text clean-up for matching, counting and comparing: mojibake repair, leftover HTML
//! references, Unicode forms, invisible characters and spaces, and segmentation.
//!
//! Build a [`Normalizer`] once from [`Settings`] and share it (it is `Send + Sync`).
//! [`Normalizer::normalize`] returns [`Cow::Borrowed`] when the text is already clean, which
//! is the common case and is decided by one fast byte scan. [`Normalizer::normalize_report`]
//! also says which mojibake [`Repair`]s were made and maps every byte of the clean text back to
//! the input ([`Normalized::offsets`]). [`fold_for_matching`] folds case (and `ё` → `е`) for
//! comparisons; [`words`] and [`sentences`] cut text into [`Span`]s with byte offsets.
//!
//! # Example
//!
//! ```
//! use pagesift_normalize::{Normalizer, Settings, fold_for_matching, words};
//!
//! let normalizer = Normalizer::new(Settings::new());
//! let report = normalizer
//!     .normalize_report("РњРёРЅРёСЃС‚РµСЂСЃС‚РІРѕ\u{A0}\u{A0}СЃРІСЏР·Рё &amp;nbsp;and\u{200B} ICT");
//! assert_eq!(report.text, "Министерство связи and ICT");
//! assert_eq!(report.repairs[0].via, "windows-1251");
//!
//! // Spans found in the clean text point back into the input.
//! let input = "Digital\u{A0}\u{A0}transformation";
//! let report = normalizer.normalize_report(input);
//! let range = report.source_range(8, 22)?;
//! assert_eq!(&input[range], "transformation");
//!
//! let folded = fold_for_matching(&report.text);
//! assert_eq!(words(&folded).len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The steps, in order
//!
//! Each can be switched off in [`Settings`]; their order is fixed ([`Settings::steps`]):
//!
//! 1. **Invisible characters** (zero-width space and joiners, BOM, bidi marks, C0 controls
//!    except `\n` and `\t`) are removed, so that they cannot hide mojibake.
//! 2. **Mojibake repair**, line by line: UTF-8 read as a single-byte charset (ftfy's method and
//!    heuristic, with KOI8-R, ISO-8859-5 and IBM866 added), also twice over and in part of a line;
//!    then windows-1251/KOI8-R/ISO-8859-5/IBM866 Cyrillic read as another single-byte charset.
//! 3. **C1 controls and soft hyphens**: C1 controls become the windows-1252 characters browsers
//!    show for them (or are removed), soft hyphens are removed.
//! 4. **HTML references** left in the text: `&amp;`, `&nbsp;`, `&#1052;`, `&#x41C;`, and
//!    twice-escaped ones such as `&amp;nbsp;`.
//! 5. **Typography folding** (off by default): curly quotes, dashes, ellipsis, full-width
//!    forms and Latin ligatures to their plain forms.
//! 6. **Unicode normal form**: NFC, or NFKC.
//! 7. **Spaces and lines**: every Unicode space (and tab) becomes a plain space, runs collapse
//!    to one, lines are trimmed, and `\r\n`, `\r`, U+2028 and U+2029 become `\n`.
//!
//! [`Normalizer::normalize`] repeats the steps until the text no longer changes (at most a few
//! rounds), so that `normalize(normalize(x)) == normalize(x)`.
//!
//! # Untrusted input
//!
//! Any `&str` is accepted; nothing panics, and work is linear in the input (the mojibake
//! patterns are regular expressions without backtracking, applied line by line).
//!
//! # Performance
//!
//! Clean text (ASCII and Cyrillic prose with the usual punctuation) is recognised by a byte
//! scan and returned borrowed (about 580 MB/s per core on Russian/Belarusian/Ukrainian/English
//! sentences). Work starts at the first line that needs it; a line with only spaces and
//! invisible characters to fix takes a one-pass path, others all steps. Prefer
//! [`Normalizer::normalize`] or [`Normalizer::normalize_with_repairs`] when the offset map of
//! [`Normalizer::normalize_report`] (eight bytes per byte of text) is not needed. See
//! `benches/normalize.rs` and the crate README for figures.
#![deny(missing_docs)]

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

mod entities;
mod fold;
mod mojibake;
mod segment;
mod tables;

pub use fold::{fold_for_matching, fold_span_map, FoldSettings};
pub use segment::{sentences, words, Span};

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An offset given to [`Normalized::source_offset`] or [`Normalized::source_range`] is
    /// past the end of the normalised text or not on one of its char boundaries.
    #[error("offset {offset} is not a char boundary of the normalised text ({len} bytes)")]
    BadOffset {
        /// The offset that was asked for.
        offset: usize,
        /// Length of the normalised text in bytes.
        len: usize,
    },
}

/// The Unicode normal form applied by step 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnicodeForm {
    /// Canonical composition: `е` + U+0308 becomes `ё`. Changes nothing visible.
    #[default]
    Nfc,
    /// Compatibility composition: also `ﬁ` → `fi`, `²` → `2`, full-width → ASCII.
    Nfkc,
    /// Leave the form as it is.
    Keep,
}

/// What a [`Normalizer`] does; build one with [`Settings::new`] and the `with_*` setters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    repair_mojibake: bool,
    decode_entities: bool,
    form: UnicodeForm,
    remove_invisible: bool,
    c1_as_windows_1252: bool,
    normalize_spaces: bool,
    fold_quotes: bool,
    fold_dashes: bool,
    fold_ellipsis: bool,
    fold_width: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            repair_mojibake: true,
            decode_entities: true,
            form: UnicodeForm::Nfc,
            remove_invisible: true,
            c1_as_windows_1252: true,
            normalize_spaces: true,
            fold_quotes: false,
            fold_dashes: false,
            fold_ellipsis: false,
            fold_width: false,
        }
    }
}

impl Settings {
    /// The default settings: every clean-up step on, typography folding off.
    pub fn new() -> Self {
        Self::default()
    }

    /// Settings with every step off; switch on what you need.
    pub fn none() -> Self {
        Settings {
            repair_mojibake: false,
            decode_entities: false,
            form: UnicodeForm::Keep,
            remove_invisible: false,
            c1_as_windows_1252: false,
            normalize_spaces: false,
            fold_quotes: false,
            fold_dashes: false,
            fold_ellipsis: false,
            fold_width: false,
        }
    }

    /// Names of the steps that are on, in the order they run.
    pub fn steps(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.remove_invisible {
            v.push("invisible");
        }
        if self.repair_mojibake {
            v.push("mojibake");
        }
        if self.remove_invisible || self.c1_as_windows_1252 {
            v.push("c1-and-soft-hyphen");
        }
        if self.decode_entities {
            v.push("html-references");
        }
        if self.fold_quotes || self.fold_dashes || self.fold_ellipsis || self.fold_width {
            v.push("typography");
        }
        match self.form {
            UnicodeForm::Nfc => v.push("nfc"),
            UnicodeForm::Nfkc => v.push("nfkc"),
            UnicodeForm::Keep => {}
        }
        if self.normalize_spaces {
            v.push("spaces-and-lines");
        }
        v
    }

    /// Repairs mojibake (step 2), and reports each repair in [`Normalized::repairs`].
    ///
    /// ### Default
    ///
    /// `true`.
    pub fn with_repair_mojibake(mut self, yes: bool) -> Self {
        self.repair_mojibake = yes;
        self
    }

    /// Decodes HTML character references left in the text (step 4).
    ///
    /// ### Default
    ///
    /// `true`.
    pub fn with_decode_entities(mut self, yes: bool) -> Self {
        self.decode_entities = yes;
        self
    }

    /// The Unicode normal form of step 6.
    ///
    /// ### Default
    ///
    /// [`UnicodeForm::Nfc`].
    pub fn with_unicode_form(mut self, form: UnicodeForm) -> Self {
        self.form = form;
        self
    }

    /// Removes control and invisible characters (steps 1 and 3): C0 controls except `\n`,
    /// `\t` and `\r` (which step 7 handles), DEL, C1 controls left after
    /// [`Settings::with_c1_as_windows_1252`], zero-width space, non-joiner and joiner, word
    /// joiner, BOM, soft hyphen, bidi marks, embeddings and isolates.
    ///
    /// ### Default
    ///
    /// `true`.
    pub fn with_remove_invisible(mut self, yes: bool) -> Self {
        self.remove_invisible = yes;
        self
    }

    /// Reads C1 control characters (U+0080–U+009F) as the windows-1252 characters they stand
    /// for in practice (U+0085 → `…`, U+0096 → `–`), as web browsers do (step 3).
    ///
    /// ### Default
    ///
    /// `true`.
    pub fn with_c1_as_windows_1252(mut self, yes: bool) -> Self {
        self.c1_as_windows_1252 = yes;
        self
    }

    /// Unicode spaces to a plain space, runs collapsed, lines trimmed, line endings to `\n`
    /// (step 7).
    ///
    /// ### Default
    ///
    /// `true`.
    pub fn with_normalize_spaces(mut self, yes: bool) -> Self {
        self.normalize_spaces = yes;
        self
    }

    /// Curly quotes to straight ones: `‘ ’ ‚ ‛ ʼ` → `'`, `“ ” „ ‟` → `"` (guillemets stay).
    ///
    /// ### Default
    ///
    /// `false`.
    pub fn with_fold_quotes(mut self, yes: bool) -> Self {
        self.fold_quotes = yes;
        self
    }

    /// Dashes and the minus sign to `-` (U+2010–U+2015, U+2212).
    ///
    /// ### Default
    ///
    /// `false`.
    pub fn with_fold_dashes(mut self, yes: bool) -> Self {
        self.fold_dashes = yes;
        self
    }

    /// `…` to `...`.
    ///
    /// ### Default
    ///
    /// `false`.
    pub fn with_fold_ellipsis(mut self, yes: bool) -> Self {
        self.fold_ellipsis = yes;
        self
    }

    /// Full-width and half-width forms to their usual width (`Ａ` → `A`, `，` → `,`), and
    /// Latin ligatures and digraphs to letters (`ﬁ` → `fi`, `ǌ` → `nj`).
    ///
    /// ### Default
    ///
    /// `false`.
    pub fn with_fold_width(mut self, yes: bool) -> Self {
        self.fold_width = yes;
        self
    }

    /// Shorthand for all four typography folds (quotes, dashes, ellipsis, width).
    ///
    /// ### Default
    ///
    /// `false`.
    pub fn with_fold_typography(self, yes: bool) -> Self {
        self.with_fold_quotes(yes)
            .with_fold_dashes(yes)
            .with_fold_ellipsis(yes)
            .with_fold_width(yes)
    }
}

/// A built normaliser. Cheap to clone, `Send + Sync`; build once and share.
#[derive(Debug, Clone, Default)]
pub struct Normalizer {
    settings: Settings,
}

/// A mojibake repair that was applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Repair {
    /// The encoding the text really was in (e.g. `"utf-8"`, `"windows-1251"`).
    pub from: String,
    /// The encoding it was wrongly decoded as (e.g. `"windows-1251"`, `"windows-1252"`).
    pub via: String,
}

/// The result of [`Normalizer::normalize_report`]: clean text, repairs and offset map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The clean text.
    pub text: String,
    /// The mojibake repairs applied, in text order (a chain repaired twice lists two).
    pub repairs: Vec<Repair>,
    /// For every byte offset `i` of `text` (and `text.len()`), the byte offset in the input
    /// where the character at `i` came from. Non-decreasing; always a char boundary of the
    /// input; `offsets[text.len()]` is the input's length.
    pub offsets: Vec<usize>,
}

impl Normalized {
    /// The input offset that normalised offset `offset` came from.
    ///
    /// # Errors
    ///
    /// [`Error::BadOffset`] if `offset` is not a char boundary of [`Normalized::text`].
    pub fn source_offset(&self, offset: usize) -> Result<usize, Error> {
        if !self.text.is_char_boundary(offset) {
            return Err(Error::BadOffset {
                offset,
                len: self.text.len(),
            });
        }
        self.offsets.get(offset).copied().ok_or(Error::BadOffset {
            offset,
            len: self.text.len(),
        })
    }

    /// The input byte range that the normalised range `start..end` came from. The range
    /// covers whatever the normaliser removed inside it, and the characters it removed right
    /// after it (such as a collapsed second space) when `end` falls on them.
    ///
    /// # Errors
    ///
    /// [`Error::BadOffset`] if either offset is not a char boundary of the text, or
    /// `start > end`.
    pub fn source_range(&self, start: usize, end: usize) -> Result<Range<usize>, Error> {
        if start > end {
            return Err(Error::BadOffset {
                offset: start,
                len: self.text.len(),
            });
        }
        let s = self.source_offset(start)?;
        if start == end {
            return Ok(s..s);
        }
        // End at the source of the span's last char plus that source's extent, i.e. where
        // the next distinct source char begins.
        let last_src = self.offsets[end - 1];
        let mut e = self.source_offset(end)?;
        if e == last_src {
            // Several output chars from one source char (a reference, a repair): take the
            // next larger source offset.
            e = self.offsets[end..]
                .iter()
                .copied()
                .find(|&o| o > last_src)
                .unwrap_or(*self.offsets.last().unwrap_or(&e));
        }
        Ok(s..e)
    }
}

/// A text in the pipeline, with its offset map when one is kept.
struct Work {
    text: String,
    /// `map[i]` = input offset of byte `i`; `map.len() == text.len() + 1`. Empty when not
    /// tracked.
    map: Vec<usize>,
}

/// The output of one step: new text and, when tracked, for every byte of it the offset in the
/// step's input it came from (`len == text.len()`).
struct StepOut {
    text: String,
    src: Vec<usize>,
}

/// Appends chars with their source offsets.
struct Emit {
    text: String,
    src: Vec<usize>,
    track: bool,
}

impl Emit {
    fn new(cap: usize, track: bool) -> Self {
        Emit {
            text: String::with_capacity(cap + 16),
            src: if track {
                Vec::with_capacity(cap + 16)
            } else {
                Vec::new()
            },
            track,
        }
    }
    #[inline]
    fn push(&mut self, c: char, from: usize) {
        self.text.push(c);
        if self.track {
            self.src.extend(std::iter::repeat_n(from, c.len_utf8()));
        }
    }
    #[inline]
    fn push_str(&mut self, s: &str, from: usize) {
        self.text.push_str(s);
        if self.track {
            self.src.extend(std::iter::repeat_n(from, s.len()));
        }
    }
    /// Copies `input[from..to]` unchanged.
    fn copy(&mut self, input: &str, from: usize, to: usize) {
        if self.track {
            for (i, c) in input[from..to].char_indices() {
                self.src.extend(std::iter::repeat_n(from + i, c.len_utf8()));
            }
        }
        self.text.push_str(&input[from..to]);
    }
    fn done(self) -> StepOut {
        StepOut {
            text: self.text,
            src: self.src,
        }
    }
}

/// What a char-level step does with one char.
enum Act {
    Keep,
    Drop,
    Char(char),
    Str(&'static str),
}

/// Runs a char-level rewrite; `None` when nothing changes.
fn map_chars(s: &str, track: bool, mut f: impl FnMut(char) -> Act) -> Option<StepOut> {
    let mut it = s.char_indices();
    let (first, first_act) = loop {
        let (i, c) = it.next()?;
        match f(c) {
            Act::Keep => {}
            a => break (i, a),
        }
    };
    let mut out = Emit::new(s.len(), track);
    out.copy(s, 0, first);
    let apply = |out: &mut Emit, i: usize, c: char, a: Act| match a {
        Act::Keep => out.push(c, i),
        Act::Drop => {}
        Act::Char(r) => out.push(r, i),
        Act::Str(r) => out.push_str(r, i),
    };
    let c0 = s[first..].chars().next().unwrap_or(' ');
    apply(&mut out, first, c0, first_act);
    for (i, c) in it {
        let a = f(c);
        apply(&mut out, i, c, a);
    }
    Some(out.done())
}

/// Invisible format characters removed by steps 1 and 3.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' // ZW space, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}' // bidi isolates, deprecated format chars
        | '\u{FEFF}' // BOM / ZW no-break space
        | '\u{061C}' // Arabic letter mark
        | '\u{180E}' // Mongolian vowel separator
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
    )
}

fn is_c0_to_remove(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}')
}

/// Windows-1252 char for a C1 control, `None` for the five undefined bytes.
fn c1_to_windows_1252(c: char) -> Option<char> {
    let b = c as u32;
    if !(0x80..=0x9F).contains(&b) {
        return None;
    }
    mojibake::charmap("windows-1252")
        .decode_byte(b as u8)
        .filter(|&r| r != c)
}

/// Ligatures and digraphs folded by [`Settings::with_fold_width`] (ftfy's list).
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'ŉ' => "ʼn",
        'Ǳ' => "DZ",
        'ǲ' => "Dz",
        'ǳ' => "dz",
        'Ǆ' => "DŽ",
        'ǅ' => "Dž",
        'ǆ' => "dž",
        'Ǉ' => "LJ",
        'ǈ' => "Lj",
        'ǉ' => "lj",
        'Ǌ' => "NJ",
        'ǋ' => "Nj",
        'ǌ' => "nj",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' => "ſt",
        'ﬆ' => "st",
        _ => return None,
    })
}

/// Full-width / half-width form to its usual-width char.
fn width_fold(c: char) -> Option<char> {
    match c {
        '\u{3000}' => Some(' '),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
        '\u{FF5F}'..='\u{FFEF}' => {
            let mut it = std::iter::once(c).nfkc();
            match (it.next(), it.next()) {
                (Some(r), None) if r != c => Some(r),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A space for step 7 (not `\n`; `\r` and line separators are handled apart).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

impl Normalizer {
    /// Builds a normaliser.
    pub fn new(settings: Settings) -> Self {
        Normalizer { settings }
    }

    /// The settings this normaliser was built with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Normalises `text`; [`Cow::Borrowed`] when nothing changes.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut repairs = Vec::new();
        match self.by_lines(text, false, &mut repairs) {
            Some(w) => Cow::Owned(w.text),
            None => Cow::Borrowed(text),
        }
    }

    /// Normalises `text` and reports the repairs made and the offset map.
    pub fn normalize_report(&self, text: &str) -> Normalized {
        let mut repairs = Vec::new();
        match self.by_lines(text, true, &mut repairs) {
            Some(w) => Normalized {
                text: w.text,
                repairs,
                offsets: w.map,
            },
            None => Normalized {
                text: text.to_owned(),
                repairs,
                offsets: identity_map(text),
            },
        }
    }

    /// Normalises `text` and reports the repairs, without the offset map (cheaper than
    /// [`Normalizer::normalize_report`] when only the repairs are wanted, e.g. to count
    /// repaired pages); [`Cow::Borrowed`] when nothing changes.
    pub fn normalize_with_repairs<'a>(&self, text: &'a str) -> (Cow<'a, str>, Vec<Repair>) {
        let mut repairs = Vec::new();
        match self.by_lines(text, false, &mut repairs) {
            Some(w) => (Cow::Owned(w.text), repairs),
            None => (Cow::Borrowed(text), repairs),
        }
    }

    /// Runs the mojibake repair step alone and returns the repaired text and repairs;
    /// `Cow::Borrowed` when nothing was repaired. Useful to check that correct text passes.
    pub fn repair_mojibake<'a>(&self, text: &'a str) -> (Cow<'a, str>, Vec<Repair>) {
        let mut repairs = Vec::new();
        match repair(text, false, &mut repairs) {
            Some(s) => (Cow::Owned(s.text), repairs),
            None => (Cow::Borrowed(text), repairs),
        }
    }

    /// All steps in one pass for the common dirty line: spaces, invisible characters and
    /// line breaks to fix, nothing else. `None` when the line has anything more (a possible
    /// reference, mojibake, a char outside ASCII, Cyrillic and common punctuation) or the
    /// settings are not the defaults this pass implements; `Some(None)` when nothing changes.
    /// (Tests only: the pipeline calls [`Normalizer::simple_line_into`].)
    #[cfg(test)]
    #[allow(clippy::option_option)]
    fn simple_line(&self, line: &str, track: bool) -> Option<Option<Work>> {
        let mut out = Emit::new(line.len(), track);
        let changed = self.simple_line_into(line, 0, line.len(), &mut out)?;
        if !changed {
            return Some(None);
        }
        let done = out.done();
        let mut map = done.src;
        if track {
            map.push(line.len());
        }
        Some(Some(Work {
            text: done.text,
            map,
        }))
    }

    /// The one-pass path for the line `text[start..end]`, written straight into `out` with
    /// offsets into `text`: `Some(changed)`, or `None` (with `out` as it was) when the line
    /// needs the full steps. See [`Normalizer::simple_line`].
    fn simple_line_into(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Emit,
    ) -> Option<bool> {
        let s = &self.settings;
        if !(s.remove_invisible && s.normalize_spaces)
            || s.form == UnicodeForm::Nfkc
            || s.fold_quotes
            || s.fold_dashes
            || s.fold_ellipsis
            || s.fold_width
        {
            return None;
        }
        let mark = (out.text.len(), out.src.len());
        let done = self.simple_line_body(text, start, end, out);
        if done.is_none() {
            out.text.truncate(mark.0);
            out.src.truncate(mark.1);
        }
        done
    }

    #[inline]
    fn simple_line_body(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Emit,
    ) -> Option<bool> {
        let s = &self.settings;
        let b = text.as_bytes();
        let mut pending: Option<usize> = None;
        let mut line_start = true;
        let mut changed = false;
        let mut scan = SuspectScan::default();
        // Chars that go out unchanged are copied in runs: `run` is where the current one
        // started.
        let mut run: Option<usize> = None;
        let mut i = start;
        while i < end {
            // A run of chars that go out unchanged: printable ASCII but `&`, а..я, and single
            // spaces between them (which the per-char path below would keep in the run too).
            let plain_at = |j: usize| {
                j < end
                    && (PLAIN_ASCII[usize::from(b[j])]
                        || (j + 1 < end && is_lower_pair(b[j], b[j + 1])))
            };
            let mut j = i;
            if b[i] != b' ' {
                // Eight bytes at a time: what `flag_block` leaves unflagged is plain, except a
                // space before something that is not (handled below).
                while j + 9 <= end {
                    let m = flag_block(
                        u64::from_le_bytes(read8(b, j)),
                        u64::from_le_bytes(read8(b, j + 1)),
                    );
                    if m != 0 {
                        j += (m.trailing_zeros() / 8) as usize;
                        break;
                    }
                    j += 8;
                }
                // Back to a char boundary (a block may end inside а..я).
                if j > i && (b[j] & 0xC0) == 0x80 {
                    j -= 1;
                }
            }
            loop {
                if j < end && PLAIN_ASCII[usize::from(b[j])] {
                    j += 1;
                } else if j + 1 < end && is_lower_pair(b[j], b[j + 1]) {
                    j += 2;
                } else if j > i && j < end && b[j] == b' ' && plain_at(j + 1) {
                    j += 1;
                } else {
                    break;
                }
            }
            if j > i && b[j - 1] == b' ' {
                j -= 1; // a space is plain only before a plain char
            }
            if j > i {
                if s.repair_mojibake {
                    // What `SuspectScan::step` does for these chars: only the first can
                    // touch a "№" before it.
                    if scan.last == '№' && (b[i] >= 0x80 || b[i].is_ascii_alphabetic()) {
                        return None;
                    }
                    if b[j - 1] < 0x80 {
                        scan.last = char::from(b[j - 1]);
                        scan.prev = OTHER;
                    } else {
                        scan.last = text[j - 2..j].chars().next().unwrap_or('а');
                        scan.prev = LOWER;
                    }
                }
                if let Some(p) = pending.take() {
                    if let Some(r) = run.take() {
                        out.copy(text, r, p);
                    }
                    if b[p] == b' ' && run.is_none() && p + 1 == i {
                        // A single plain space: keep it inside the next run.
                        run = Some(p);
                    } else {
                        out.push(' ', p);
                    }
                }
                run.get_or_insert(i);
                line_start = false;
                i = j;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if s.repair_mojibake && scan.step(c) {
                return None;
            }
            let cp = u32::from(c);
            if c == '&' && s.decode_entities {
                // Any "&": an invisible char removed after it may complete a reference
                // ("&\u{200B}amp;"), which only the full steps see.
                return None;
            }
            if let Some(r) = run.take() {
                out.copy(text, r, i);
            }
            if is_space(c) {
                if !line_start && pending.is_none() {
                    pending = Some(i);
                    changed |= c != ' ';
                } else {
                    changed = true;
                }
                i += len;
                continue;
            }
            if is_invisible(c) || is_c0_to_remove(c) || c == '\u{AD}' {
                changed = true;
                i += len;
                continue;
            }
            if matches!(c, '\r' | '\u{2028}' | '\u{2029}') {
                changed |= pending.is_some() || c != '\n';
                pending = None;
                out.push('\n', i);
                line_start = true;
                i += len;
                continue;
            }
            let simple = c.is_ascii()
                || (0x410..=0x44F).contains(&cp)
                || matches!(c, 'Ё' | 'ё' | 'І' | 'і' | 'Ў' | 'ў' | 'Ї' | 'ї' | 'Є' | 'є')
                || is_common_punct(c);
            if !simple {
                return None;
            }
            if let Some(p) = pending.take() {
                out.push(' ', p);
            }
            out.push(c, i);
            line_start = false;
            i += len;
        }
        if let Some(r) = run.take() {
            out.copy(text, r, end);
        }
        if pending.is_some() {
            changed = true; // trailing spaces dropped
        }
        Some(changed)
    }

    /// Runs all steps, repeating until stable. `None` when nothing changed.
    fn run(&self, text: &str, track: bool, repairs: &mut Vec<Repair>) -> Option<Work> {
        let mut cur: Option<Work> = None;
        for _ in 0..4 {
            let input = cur.as_ref().map_or(text, |w| w.text.as_str());
            if cur.is_some() && !self.needs_work(input) {
                break;
            }
            match self.one_round(input, track, repairs) {
                Some(next) => {
                    cur = Some(match cur {
                        None => next,
                        Some(prev) => Work {
                            text: next.text,
                            map: compose_maps(&prev.map, &next.map),
                        },
                    });
                }
                None => break,
            }
        }
        cur
    }

    /// One pass of every step. `None` when nothing changed.
    fn one_round(&self, text: &str, track: bool, repairs: &mut Vec<Repair>) -> Option<Work> {
        let s = &self.settings;
        let mut work: Option<Work> = None;
        // Runs one step on the current text and composes the offset maps.
        macro_rules! step {
            ($f:expr) => {{
                let input = work.as_ref().map_or(text, |w| w.text.as_str());
                let input_len = input.len();
                let out: Option<StepOut> = $f(input);
                if let Some(out) = out {
                    work = Some(advance(text, work.take(), input_len, out, track));
                }
            }};
        }
        if s.remove_invisible {
            step!(|t: &str| map_chars(t, track, |c| {
                if is_invisible(c) || is_c0_to_remove(c) {
                    Act::Drop
                } else {
                    Act::Keep
                }
            }));
        }
        if s.repair_mojibake {
            step!(|t: &str| repair(t, track, repairs));
        }
        if s.remove_invisible || s.c1_as_windows_1252 {
            let (rm, c1) = (s.remove_invisible, s.c1_as_windows_1252);
            step!(|t: &str| map_chars(t, track, |c| c1_and_soft_hyphen(c, rm, c1)));
        }
        if s.decode_entities {
            let rm = s.remove_invisible;
            step!(|t: &str| decode_entities(t, track, rm));
        }
        if s.fold_quotes || s.fold_dashes || s.fold_ellipsis || s.fold_width {
            step!(|t: &str| map_chars(t, track, |c| typography(s, c)));
        }
        if s.form != UnicodeForm::Keep {
            step!(|t: &str| normal_form(t, track, s.form));
        }
        if s.normalize_spaces {
            step!(|t: &str| spaces(t, track));
        }
        work
    }

    /// The fast check: `false` only when no step can change `text`.
    pub fn needs_work(&self, text: &str) -> bool {
        first_work(&self.settings, text.as_bytes()).is_some()
    }

    /// Runs the steps line by line from the first line that needs work; lines that are
    /// clean are copied. `None` when nothing changed.
    fn by_lines(&self, text: &str, track: bool, repairs: &mut Vec<Repair>) -> Option<Work> {
        let at = first_work(&self.settings, text.as_bytes())?;
        let first_line = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let mut out = Emit::new(text.len(), track);
        out.copy(text, 0, first_line);
        let mut changed = false;
        let mut start = first_line;
        while start <= text.len() {
            let (mut end, next) = match text[start..].find('\n') {
                Some(p) => (start + p, Some(start + p)),
                None => (text.len(), None),
            };
            // "\r\n" is one line break; the "\n" then maps to the "\r".
            let mut break_at = next;
            if self.settings.normalize_spaces && next.is_some() && text[start..end].ends_with('\r')
            {
                end -= 1;
                break_at = Some(end);
                changed = true;
            }
            let line = &text[start..end];
            let work = if first_work(&self.settings, line.as_bytes()).is_none() {
                None
            } else {
                match self.simple_line_into(text, start, end, &mut out) {
                    Some(line_changed) => {
                        changed |= line_changed;
                        Some(None)
                    }
                    None => self.run(line, track, repairs).map(Some),
                }
            };
            match work {
                // Written by the one-pass path.
                Some(None) => {}
                Some(Some(w)) => {
                    changed = true;
                    out.text.push_str(&w.text);
                    if track {
                        out.src
                            .extend(w.map[..w.text.len()].iter().map(|&i| start + i));
                    }
                }
                None => out.copy(text, start, end),
            }
            match (next, break_at) {
                (Some(nl), Some(b)) => {
                    out.push('\n', b);
                    start = nl + 1;
                }
                _ => break,
            }
        }
        if !changed {
            return None;
        }
        let done = out.done();
        let mut map = done.src;
        if track {
            map.push(text.len());
        }
        Some(Work {
            text: done.text,
            map,
        })
    }
}

/// Step 3 for one char.
fn c1_and_soft_hyphen(c: char, remove: bool, c1: bool) -> Act {
    if c1 {
        if let Some(r) = c1_to_windows_1252(c) {
            return Act::Char(r);
        }
    }
    if remove {
        if c == '\u{85}' {
            return Act::Char('\n');
        }
        if c == '\u{AD}'
            || ('\u{80}'..='\u{9F}').contains(&c)
            || is_invisible(c)
            || is_c0_to_remove(c)
        {
            return Act::Drop;
        }
    }
    Act::Keep
}

/// The pipeline text after one more step.
fn advance(text: &str, prev: Option<Work>, input_len: usize, out: StepOut, track: bool) -> Work {
    if !track {
        return Work {
            text: out.text,
            map: Vec::new(),
        };
    }
    let prev_map = match prev {
        Some(w) => w.map,
        None => identity_map(text),
    };
    let mut map: Vec<usize> = out.src.iter().map(|&i| prev_map[i]).collect();
    map.push(prev_map[input_len]);
    Work {
        text: out.text,
        map,
    }
}

fn identity_map(text: &str) -> Vec<usize> {
    let mut m = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        m.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    m.push(text.len());
    m
}

fn compose_maps(outer_prev: &[usize], next: &[usize]) -> Vec<usize> {
    if outer_prev.is_empty() {
        return Vec::new();
    }
    next.iter()
        .map(|&i| {
            outer_prev
                .get(i)
                .copied()
                .unwrap_or(*outer_prev.last().unwrap_or(&0))
        })
        .collect()
}

/// Step 2 over every line.
fn repair(text: &str, track: bool, repairs: &mut Vec<Repair>) -> Option<StepOut> {
    if text.is_ascii() {
        return None;
    }
    let mut out: Option<Emit> = None;
    let mut last = 0;
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if mojibake_suspect(line) {
            if let Some(fixed) = mojibake::repair_line(line, repairs) {
                let e = out.get_or_insert_with(|| Emit::new(text.len(), track));
                e.copy(text, last, start);
                e.text.push_str(&fixed.text);
                if track {
                    e.src.extend(fixed.src.iter().map(|&i| start + i));
                }
                last = end;
            }
        }
        start = end + 1;
    }
    let mut e = out?;
    e.copy(text, last, text.len());
    Some(e.done())
}

/// `– — ‘ ’ “ ” „ … « » №`: punctuation clean text may have next to Cyrillic.
#[inline]
fn is_common_punct(c: char) -> bool {
    matches!(
        c,
        '–' | '—' | '‘' | '’' | '“' | '”' | '„' | '…' | '«' | '»' | '№'
    )
}

/// `false` when no mojibake rule can fire on `line`: only ASCII, whitespace, invisible
/// characters, the Russian/Belarusian/Ukrainian letters and common punctuation, without the
/// patterns [`first_work`] looks for (and no-break spaces or soft hyphens right after "Р":
/// "Р\u{AD}" is the UTF-8 of "н").
fn mojibake_suspect(line: &str) -> bool {
    if line.is_ascii() {
        return false;
    }
    let mut scan = SuspectScan::default();
    line.chars().any(|c| scan.step(c))
}

/// The state of [`mojibake_suspect`], one char at a time.
#[derive(Default)]
struct SuspectScan {
    prev: u8,
    last: char,
}

impl SuspectScan {
    /// `true` when the line is suspect as of `c`.
    #[inline]
    fn step(&mut self, c: char) -> bool {
        let cp = u32::from(c);
        // The common cases first: printable ASCII and а..я.
        if (0x20..0x7F).contains(&cp) || (0x430..=0x44F).contains(&cp) {
            if self.last == '№' && c.is_alphabetic() {
                return true;
            }
            self.last = c;
            self.prev = if cp < 0x80 { OTHER } else { LOWER };
            return false;
        }
        // Step 1 removes these before the repair runs: look through them.
        if is_c0_to_remove(c) || (is_invisible(c) && c != '\u{AD}') {
            return false;
        }
        // "№" touching a letter is a mis-decoded letter ("Ухэх№рыќэћщ").
        let last = std::mem::replace(&mut self.last, c);
        if (c == '№' && last.is_alphabetic()) || (last == '№' && c.is_alphabetic()) {
            return true;
        }
        let prev = self.prev;
        let cp = u32::from(c);
        self.prev = if c.is_ascii() {
            OTHER
        } else if (0x430..=0x44F).contains(&cp) {
            LOWER
        } else if is_space(c) || is_invisible(c) || c == '\u{AD}' {
            // After В Г Р С, U+00A0 and U+00AD are UTF-8 continuation bytes read as
            // windows-1251 ("Р\u{AD}" is "н", "В\u{A0}" a no-break space). Other spaces have
            // no windows-1251 byte.
            if prev >= LEAD && matches!(c, '\u{A0}' | '\u{AD}') {
                return true;
            }
            OTHER
        } else if (0x410..=0x42F).contains(&cp) {
            if prev == LOWER {
                return true;
            }
            match cp {
                0x420 => LEAD_R,
                0x412 | 0x413 | 0x421 => LEAD,
                _ => UPPER,
            }
        } else if matches!(c, 'ё' | 'є' | 'і' | 'ї' | 'ў') {
            if prev == LEAD_R {
                return true;
            }
            LOWER
        } else if matches!(c, 'Ё' | 'Є' | 'І' | 'Ї' | 'Ў') {
            // Directly after any letter ("РІ", "ВІКІ"): all-caps Ukrainian and Belarusian
            // take the full steps, which leave them alone.
            if prev != OTHER {
                return true;
            }
            UPPER
        } else if is_common_punct(c) {
            if prev >= LEAD {
                return true;
            }
            OTHER
        } else {
            return true;
        };
        false
    }
}

/// Step 4.
fn decode_entities(text: &str, track: bool, remove_invisible: bool) -> Option<StepOut> {
    let first = text.find('&')?;
    let mut out: Option<Emit> = None;
    let mut last = 0;
    let mut i = first;
    while let Some(rel) = text[i..].find('&') {
        let at = i + rel;
        match entities::parse(&text[at..]) {
            Some((d, len)) => {
                let e = out.get_or_insert_with(|| Emit::new(text.len(), track));
                e.copy(text, last, at);
                let mut push = |c: char| {
                    if remove_invisible && (is_invisible(c) || is_c0_to_remove(c) || c == '\u{AD}')
                    {
                        return;
                    }
                    e.push(c, at);
                };
                match d {
                    entities::Decoded::Str(s) => s.chars().for_each(&mut push),
                    entities::Decoded::Char(c) => push(c),
                }
                last = at + len;
                i = at + len;
            }
            None => i = at + 1,
        }
    }
    let mut e = out?;
    e.copy(text, last, text.len());
    Some(e.done())
}

/// Step 5 for one char.
fn typography(s: &Settings, c: char) -> Act {
    if s.fold_quotes {
        match c {
            '\u{2BC}' | '\u{2018}'..='\u{201B}' => return Act::Char('\''),
            '\u{201C}'..='\u{201F}' => return Act::Char('"'),
            _ => {}
        }
    }
    if s.fold_dashes && matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}') {
        return Act::Char('-');
    }
    if s.fold_ellipsis && c == '…' {
        return Act::Str("...");
    }
    if s.fold_width {
        if let Some(r) = width_fold(c) {
            return Act::Char(r);
        }
        if let Some(r) = ligature(c) {
            return Act::Str(r);
        }
    }
    Act::Keep
}

/// Step 6, chunk by chunk: a chunk starts at an ASCII char (which never composes with what
/// precedes it), so chunk-wise composition equals whole-text composition.
fn normal_form(text: &str, track: bool, form: UnicodeForm) -> Option<StepOut> {
    let quick = match form {
        UnicodeForm::Nfc => unicode_normalization::is_nfc_quick(text.chars()),
        UnicodeForm::Nfkc => unicode_normalization::is_nfkc_quick(text.chars()),
        UnicodeForm::Keep => return None,
    };
    if quick == unicode_normalization::IsNormalized::Yes {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Emit::new(text.len(), track);
    let mut changed = false;
    let mut start = 0;
    while start < bytes.len() {
        // A chunk: one char, then every following non-ASCII char.
        let mut end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        while end < bytes.len() && bytes[end] >= 0x80 {
            end += 1;
        }
        let chunk = &text[start..end];
        if chunk.is_ascii() {
            out.copy(text, start, end);
        } else {
            let n: String = match form {
                UnicodeForm::Nfkc => chunk.nfkc().collect(),
                _ => chunk.nfc().collect(),
            };
            if n == chunk {
                out.copy(text, start, end);
            } else {
                changed = true;
                // Map each output char to the input char at the same position, or the
                // chunk's last char when the chunk shrank.
                let srcs: Vec<usize> = chunk.char_indices().map(|(i, _)| start + i).collect();
                for (k, c) in n.chars().enumerate() {
                    out.push(c, srcs[k.min(srcs.len() - 1)]);
                }
            }
        }
        start = end;
    }
    changed.then(|| out.done())
}

/// Step 7.
fn spaces(text: &str, track: bool) -> Option<StepOut> {
    let mut out = Emit::new(text.len(), track);
    // A space seen but not yet written: written only if a non-space char follows on the line.
    let mut pending: Option<usize> = None;
    let mut line_start = true;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_space(c) {
            if !line_start && pending.is_none() {
                pending = Some(i);
            }
            continue;
        }
        let newline = match c {
            '\n' | '\u{2028}' | '\u{2029}' => true,
            '\r' => {
                if let Some(&(_, '\n')) = it.peek() {
                    // "\r\n" becomes one "\n" that maps to the "\r".
                    it.next();
                }
                true
            }
            _ => false,
        };
        if newline {
            pending = None;
            out.push('\n', i);
            line_start = true;
            continue;
        }
        if let Some(p) = pending.take() {
            out.push(' ', p);
        }
        out.push(c, i);
        line_start = false;
    }
    if out.text == text {
        return None;
    }
    Some(out.done())
}

/// Printable ASCII that no step touches on its own (everything but space, `&` and controls).
static PLAIN_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0x21;
    while i < 0x7F {
        t[i] = i != b'&' as usize;
        i += 1;
    }
    t
};

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// High bit set in exactly the bytes of `x` that are not zero.
#[inline(always)]
fn nonzero_bytes(x: u64) -> u64 {
    (((x & !HIGH_BITS).wrapping_add(!HIGH_BITS)) | x) & HIGH_BITS
}

/// High bit set in exactly the bytes of `x` equal to `c`.
#[inline(always)]
fn eq_bytes(x: u64, c: u8) -> u64 {
    !nonzero_bytes(x ^ (ONES * u64::from(c))) & HIGH_BITS
}

#[cfg(test)]
/// Eight bytes (little-endian in `x`) that need no work: printable ASCII other than `&`,
/// single spaces and whole lower-case а..я (D0 B0..BF, D1 80..8F); `next` is the byte after
/// the block, if any. Returns how many bytes
/// are known clean (8, or 7 when the last byte starts a letter) and whether they end in such
/// a letter. `None` also for some clean blocks; the byte-wise scan decides those.
#[inline(always)]
fn clean_block(x: u64, next: Option<u8>) -> Option<(usize, bool)> {
    let lead = eq_bytes(x & (ONES * 0xFE), 0xD0);
    // A letter cut by the block end: judge the first seven bytes only.
    // A space judged last is fine when the next byte is known not to be a space or line
    // break (a cut letter always follows in the seven-byte case).
    let (len, keep, last, space_last_ok) = if lead & (0x80 << 56) != 0 {
        (7, HIGH_BITS >> 8, 0x80u64 << 48, true)
    } else {
        (
            8,
            HIGH_BITS,
            0x80u64 << 56,
            next.is_some_and(|b| b != b' ' && b != b'\n'),
        )
    };
    let high = x & keep;
    let lead = lead & keep;
    let cont = eq_bytes(x & (ONES * 0xC0), 0x80) & keep;
    if high != lead | cont || (lead << 8) & keep != cont {
        return None;
    }
    // D0 needs a B_ continuation (а..п), D1 an 8_ one (р..я).
    let nibble = x & (ONES * 0xF0);
    let d1 = lead & ((x & ONES) << 7);
    let d0 = lead & !d1;
    if (d0 << 8) & !eq_bytes(nibble, 0xB0) != 0 || (d1 << 8) & !eq_bytes(nibble, 0x80) != 0 {
        return None;
    }
    let ascii = !high & keep;
    // An ASCII byte is below 0x20 iff adding 0x60 leaves its high bit clear. A space is
    // fine unless another follows or it is the last byte judged (its successor unknown).
    let control = !((x & !HIGH_BITS) + ONES * 0x60) & ascii;
    let space = eq_bytes(x, b' ') & keep;
    let bad = control
        | (eq_bytes(x, 0x7F) & keep)
        | (eq_bytes(x, b'&') & keep)
        | (space & (space << 8))
        | if space_last_ok { 0 } else { space & last };
    (bad == 0).then_some((len, cont & last != 0))
}

/// `true` for the UTF-8 of а..я.
#[inline(always)]
fn is_lower_pair(a: u8, b: u8) -> bool {
    // Branch-free: words alternate D0 and D1 lead bytes unpredictably.
    let cp = ((u32::from(a) & 0x1F) << 6) | (u32::from(b) & 0x3F);
    ((a & 0xFE) == 0xD0) & ((b & 0xC0) == 0x80) & (cp.wrapping_sub(0x430) < 0x20)
}

/// Class of the previous char in [`first_work`].
const OTHER: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
/// В, Г, С: windows-1251 readings of UTF-8 lead bytes 0xC2, 0xC3, 0xD1.
const LEAD: u8 = 3;
/// Р: the windows-1251 reading of lead byte 0xD0.
const LEAD_R: u8 = 4;

/// The byte scan behind [`Normalizer::normalize`]'s borrowed path: the offset of the first
/// byte that may need work. Conservative: `None` only when every step would leave `b`
/// unchanged.
///
/// Clean means: printable ASCII with single spaces inside lines, `\n`, the letters of the
/// Russian, Belarusian and Ukrainian alphabets, and `– — ‘ ’ “ ” „ … « » №`. Mojibake that
/// uses only those characters is still caught: UTF-8 read as windows-1251 puts `Р` before
/// ё/і/ї/є/ў (the UTF-8 of и, г, п, к, в …) or `В Г Р С` before the punctuation, and a
/// swapped single-byte charset leaves a lower-case letter directly before an upper-case one.
///
/// Eight bytes at a time, [`flag_block`] marks the bytes that are not plainly clean (controls,
/// `&`, a space before a space or line break, lead bytes other than those of lower-case
/// а..я); only those are looked at, by [`check_at`], which judges a char from the char
/// before it. Returns exactly what the former byte-at-a-time scan returned (a test keeps it).
fn first_work(s: &Settings, b: &[u8]) -> Option<usize> {
    let n = b.len();
    if n == 0 {
        return None;
    }
    if b[0] == b' ' {
        return Some(0);
    }
    let fold_punct = s.fold_quotes || s.fold_dashes || s.fold_ellipsis;
    let mut i = 0;
    while i + 9 <= n {
        let x = u64::from_le_bytes(read8(b, i));
        let y = u64::from_le_bytes(read8(b, i + 1));
        let mut m = flag_block(x, y);
        while m != 0 {
            let p = i + (m.trailing_zeros() / 8) as usize;
            if let Some(at) = check_at(b, p, fold_punct) {
                return Some(at);
            }
            m &= m - 1;
        }
        i += 8;
    }
    while i < n {
        if flag_byte(b, i) {
            if let Some(at) = check_at(b, i, fold_punct) {
                return Some(at);
            }
        }
        i += 1;
    }
    None
}

#[inline(always)]
fn read8(b: &[u8], i: usize) -> [u8; 8] {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[i..i + 8]);
    a
}

/// High bit set in the bytes of `x` (little-endian; `y` holds the eight bytes one further on)
/// that [`check_at`] must look at: ASCII controls, DEL, `&`, a space before a space or `\n`,
/// and lead bytes other than D0 B0..BF / D1 80..8F (lower-case а..я). Continuation bytes are
/// never flagged.
#[inline(always)]
fn flag_block(x: u64, y: u64) -> u64 {
    let x7 = x & !HIGH_BITS;
    let ascii = !x & HIGH_BITS;
    // An ASCII byte is below 0x20 iff adding 0x60 to its low seven bits leaves bit 7 clear,
    // and is 0x7F iff adding 1 sets it.
    let control = !(x7 + ONES * 0x60) & ascii;
    let del = (x7 + ONES) & ascii;
    // A space before a byte below 0x21 (a space, `\n`, or a control flagged itself).
    let y_low = !((y & !HIGH_BITS) + ONES * 0x5F) & !y & HIGH_BITS;
    let space = eq_bytes(x, b' ') & y_low;
    let lead = x & (x << 1) & HIGH_BITS;
    let cyr = eq_bytes(x & (ONES * 0xFE), 0xD0);
    // For D0/D1 and the byte after: 64 × (lead − D0) + low six bits of the next byte, that
    // is the code point − U+0400; а..я is 0x30..0x4F.
    let w = ((x & ONES) << 6) | (y & (ONES * 0x3F));
    let lower = cyr & ((w + ONES * 0x50) & !(w + ONES * 0x30) & HIGH_BITS);
    control | del | eq_bytes(x, b'&') | space | (lead & !lower)
}

/// [`flag_block`] for one byte (the last few bytes of the text).
#[inline]
fn flag_byte(b: &[u8], i: usize) -> bool {
    let c = b[i];
    let next = b.get(i + 1).copied();
    match c {
        b' ' => matches!(next, None | Some(b' ' | b'\n')),
        0..=0x1F | 0x7F | b'&' => true,
        0x80..=0xBF => false,
        0xD0 => !matches!(next, Some(0xB0..=0xBF)),
        0xD1 => !matches!(next, Some(0x80..=0x8F)),
        0xC0..=0xFF => true,
        _ => false,
    }
}

/// The class ([`OTHER`], [`LOWER`], …) of the char that ends just before `p`, which the scan
/// has accepted.
#[inline]
fn prev_class(b: &[u8], p: usize) -> u8 {
    if p < 2 || b[p - 1] < 0x80 {
        return OTHER;
    }
    let lead = b[p - 2];
    if lead != 0xD0 && lead != 0xD1 {
        return OTHER; // punctuation or a Latin letter with a diacritic
    }
    let cp = 0x400 + ((u32::from(lead) - 0xD0) << 6) + (u32::from(b[p - 1]) & 0x3F);
    match cp {
        0x430..=0x44F | 0x451 | 0x454 | 0x456 | 0x457 | 0x45E => LOWER,
        0x420 => LEAD_R,
        0x412 | 0x413 | 0x421 => LEAD,
        _ => UPPER,
    }
}

/// Judges the byte at `p` that [`flag_block`] flagged: `Some(offset)` when work starts there.
#[inline]
fn check_at(b: &[u8], p: usize, fold_punct: bool) -> Option<usize> {
    let n = b.len();
    let c = b[p];
    if c < 0x80 {
        return match c {
            b' ' => {
                let next = b.get(p + 1).copied().unwrap_or(b'\n');
                (next == b' ' || next == b'\n').then_some(p)
            }
            b'\n' => (b.get(p + 1) == Some(&b' ')).then_some(p + 1),
            b'&' => {
                let next = b.get(p + 1).copied().unwrap_or(b' ');
                (next == b'#' || next.is_ascii_alphabetic()).then_some(p)
            }
            _ => Some(p), // tab, CR, other controls, DEL
        };
    }
    let prev = prev_class(b, p);
    if (c == 0xD0 || c == 0xD1) && p + 1 < n {
        let cp = 0x400 + ((u32::from(c) - 0xD0) << 6) + (u32::from(b[p + 1]) & 0x3F);
        let ok = match cp {
            0x430..=0x44F => true,
            // "аБ": a swapped single-byte charset.
            0x410..=0x42F => prev != LOWER,
            // After "Р": the UTF-8 of и, к, г, п, в … read as windows-1251 ("Рё", "РІ").
            0x451 | 0x454 | 0x456 | 0x457 | 0x45E => prev != LEAD_R,
            0x401 | 0x404 | 0x406 | 0x407 | 0x40E => prev == OTHER,
            _ => false,
        };
        return (!ok).then_some(p);
    }
    if c == 0xE2 && p + 2 < n {
        let ok = match (b[p + 1], b[p + 2]) {
            (0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0x9E | 0xA6) => !fold_punct,
            (0x84, 0x96) => prev == OTHER && b.get(p + 3).is_none_or(|&x| x < 0x80),
            _ => false,
        };
        return (!ok || prev >= LEAD).then_some(p);
    }
    if c == 0xC2 && p + 1 < n && (b[p + 1] == 0xAB || b[p + 1] == 0xBB) {
        return (prev >= LEAD).then_some(p);
    }
    if (0xC3..=0xC5).contains(&c) && p + 1 < n {
        let cp = ((u32::from(c) & 0x1F) << 6) | (u32::from(b[p + 1]) & 0x3F);
        let letter = !matches!(cp, 0xC2 | 0xC3 | 0xC5 | 0xCE | 0xD0 | 0xD7 | 0xD9 | 0xF7);
        let before = p == 0 || b[p - 1] < 0x80;
        let after = b.get(p + 2).is_none_or(|&x| x < 0x80);
        if letter && before && after && (b[p + 1] & 0xC0) == 0x80 {
            return None;
        }
    }
    Some(p)
}

/// The former byte-at-a-time scan, kept as the reference for [`first_work`] (tests only):
/// the same contract, which [`first_work`]'s documentation states.
#[cfg(test)]
fn first_work_reference(s: &Settings, b: &[u8]) -> Option<usize> {
    let n = b.len();
    if n == 0 {
        return None;
    }
    if b[0] == b' ' {
        return Some(0);
    }
    let fold_punct = s.fold_quotes || s.fold_dashes || s.fold_ellipsis;
    let mut prev = OTHER;
    let mut i = 0;
    while i < n {
        // Eight bytes at a time: plain ASCII, single spaces and lower-case а..я.
        if let Some(block) = b.get(i..i + 8) {
            let x = u64::from_le_bytes([
                block[0], block[1], block[2], block[3], block[4], block[5], block[6], block[7],
            ]);
            if let Some((len, ends_in_letter)) = clean_block(x, b.get(i + 8).copied()) {
                i += len;
                prev = if ends_in_letter { LOWER } else { OTHER };
                continue;
            }
        }
        // Runs of plain ASCII.
        if PLAIN_ASCII[usize::from(b[i])] {
            i += 1;
            while i < n && PLAIN_ASCII[usize::from(b[i])] {
                i += 1;
            }
            prev = OTHER;
            continue;
        }
        let c = b[i];
        // Runs of lower-case а..я, the bulk of Cyrillic prose: D0 B0..BF and D1 80..8F.
        if (c == 0xD0 || c == 0xD1) && i + 1 < n && is_lower_pair(c, b[i + 1]) {
            i += 2;
            while i + 1 < n && is_lower_pair(b[i], b[i + 1]) {
                i += 2;
            }
            prev = LOWER;
            continue;
        }
        if c < 0x80 {
            match c {
                b' ' => {
                    let next = b.get(i + 1).copied().unwrap_or(b'\n');
                    if next == b' ' || next == b'\n' {
                        return Some(i);
                    }
                }
                b'\n' => {
                    if b.get(i + 1) == Some(&b' ') {
                        return Some(i + 1);
                    }
                }
                b'&' => {
                    let next = b.get(i + 1).copied().unwrap_or(b' ');
                    if next == b'#' || next.is_ascii_alphabetic() {
                        return Some(i);
                    }
                }
                _ => return Some(i), // tab, CR, other controls, DEL
            }
            prev = OTHER;
            i += 1;
            continue;
        }
        if (c == 0xD0 || c == 0xD1) && i + 1 < n {
            // Cyrillic U+0400..=U+047F.
            let cp = 0x400 + ((u32::from(c) - 0xD0) << 6) + (u32::from(b[i + 1]) & 0x3F);
            prev = match cp {
                0x430..=0x44F => LOWER,
                0x410..=0x42F => {
                    if prev == LOWER {
                        return Some(i); // "аБ": a swapped single-byte charset
                    }
                    match cp {
                        0x420 => LEAD_R,
                        0x412 | 0x413 | 0x421 => LEAD,
                        _ => UPPER,
                    }
                }
                // ё є і ї ў and their capitals: after "Р" they are the UTF-8 of и, к, г, п,
                // в … read as windows-1251 ("Рё", "РІ"); after В, Г, С they would be Latin-1
                // symbols or archaic letters, which the repair does not produce from
                // otherwise clean text ("Віктар", "Сёння" are Belarusian).
                0x451 | 0x454 | 0x456 | 0x457 | 0x45E => {
                    if prev == LEAD_R {
                        return Some(i);
                    }
                    LOWER
                }
                0x401 | 0x404 | 0x406 | 0x407 | 0x40E => {
                    if prev != OTHER {
                        return Some(i);
                    }
                    UPPER
                }
                _ => return Some(i),
            };
            i += 2;
            continue;
        }
        // Common punctuation: – — ‘ ’ “ ” „ … (E2 80 xx), № (E2 84 96), « » (C2 AB/BB).
        if c == 0xE2 && i + 2 < n {
            let ok = match (b[i + 1], b[i + 2]) {
                (0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0x9E | 0xA6) => !fold_punct,
                // "№" between letters is a mis-decoded letter ("Ухэх№рыќэћщ").
                (0x84, 0x96) => prev == OTHER && b.get(i + 3).is_none_or(|&x| x < 0x80),
                _ => false,
            };
            if !ok || prev >= LEAD {
                return Some(i);
            }
            prev = OTHER;
            i += 3;
            continue;
        }
        if c == 0xC2 && i + 1 < n && (b[i + 1] == 0xAB || b[i + 1] == 0xBB) {
            if prev >= LEAD {
                return Some(i);
            }
            prev = OTHER;
            i += 2;
            continue;
        }
        // A Latin letter with a diacritic (U+00C0..=U+017F: German, French, Polish, Baltic …)
        // with ASCII on both sides. UTF-8 mojibake always puts two non-ASCII chars together,
        // except a lead byte before a space that stood for byte 0xA0 (Â Ã Å Î Ð Ù), which
        // takes the full steps.
        if (0xC3..=0xC5).contains(&c) && i + 1 < n {
            let cp = ((u32::from(c) & 0x1F) << 6) | (u32::from(b[i + 1]) & 0x3F);
            let letter = !matches!(cp, 0xC2 | 0xC3 | 0xC5 | 0xCE | 0xD0 | 0xD7 | 0xD9 | 0xF7);
            let before = i == 0 || b[i - 1] < 0x80;
            let after = b.get(i + 2).is_none_or(|&x| x < 0x80);
            if letter && before && after && (b[i + 1] & 0xC0) == 0x80 {
                prev = OTHER;
                i += 2;
                continue;
            }
        }
        return Some(i);
    }
    // Checked last so that the offset returned is always the first one that needs work.
    (b[n - 1] == b' ').then_some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// The fast scan never calls a text clean that the steps would change, and the
        /// mojibake gate never skips a line the repair would change.
        #[test]
        fn fast_checks_are_conservative(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", " ", "\n", "Р", "С", "В", "Г", "ё", "і", "ї", "є", "ў", "Ё", "І", "Ў", "а", "Б", "я", "Я",
            "и", "п", "к", "«", "»", "—", "–", "…", "’", "“", "”", "„", "№", "7", "&", "\u{a0}",
            "\u{ad}", "Сёння", "ВІКІ", "Министерство", "РёРЅ", "СЃ", "\r", "\t", "\u{200b}",
            "\u{2003}", "\u{2028}", "\u{1}", "&amp;", "amp;", "é", "ö", "ß", "Ã", "Â", "ł", "ą", "©", "ü",
            "Ð", "ž", "Å", "ﬁ", "\u{301}",
        ]), 0..24)) {
            let text = parts.concat();
            for settings in [Settings::new(), Settings::new().with_fold_typography(true)] {
                let n = Normalizer::new(settings);
                if first_work(&n.settings, text.as_bytes()).is_none() {
                    let full = n.run(&text, false, &mut Vec::new());
                    proptest::prop_assert!(full.is_none(), "fast path skipped work in {:?}", text);
                }
            }
            for line in text.split('\n') {
                let n = Normalizer::default();
                if let Some(fast) = n.simple_line(line, false) {
                    let full = n.run(line, false, &mut Vec::new());
                    proptest::prop_assert_eq!(
                        fast.map(|w| w.text),
                        full.map(|w| w.text),
                        "one-pass path differs on {:?}",
                        line
                    );
                }
                if !mojibake_suspect(line) {
                    let mut r = Vec::new();
                    proptest::prop_assert!(mojibake::repair_line(line, &mut r).is_none(), "gate skipped {:?}", line);
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The word-at-a-time scan returns exactly what the byte-at-a-time one did, on text
        /// built from the pieces the scan reacts to and on arbitrary strings.
        #[test]
        fn block_scan_equals_reference(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Z", " ", "  ", "\n", "\n ", "Р", "С", "В", "Г", "ё", "і", "ї", "є", "ў", "Ё", "І", "Ў", "Ї",
            "Є", "а", "Б", "я", "Я", "п", "«", "»", "—", "–", "…", "’", "‘", "“", "”", "„", "№", "7", "&",
            "&#", "&a", "\u{a0}", "\u{ad}", "Министерство связи", "ITU and ICT", "РёРЅ", "\r", "\t",
            "é", "ö", "ł", "Ã", "Â", "©", "ѣ", "Ѐ", "\u{7f}", "\u{1}", "😀", "\u{301}", ".", ",",
        ]), 0..40), any_text in ".{0,40}") {
            for text in [parts.concat(), any_text] {
                for settings in [Settings::new(), Settings::new().with_fold_typography(true)] {
                    proptest::prop_assert_eq!(
                        first_work(&settings, text.as_bytes()),
                        first_work_reference(&settings, text.as_bytes()),
                        "{:?}", text
                    );
                }
            }
        }
    }

    /// The fast paths agree with the full steps on every line of lingua's 13 languages.
    #[test]
    fn fast_paths_agree_on_real_text() {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/lingua-testdata");
        let Ok(langs) = std::fs::read_dir(&dir) else {
            eprintln!("SKIP: {} not found", dir.display());
            return;
        };
        let n = Normalizer::default();
        let mut lines = 0;
        for lang in langs.flatten() {
            for file in ["sentences.txt", "word-pairs.txt", "single-words.txt"] {
                let Ok(text) = std::fs::read_to_string(lang.path().join(file)) else {
                    continue;
                };
                for line in text.split('\n') {
                    lines += 1;
                    let full = n.run(line, false, &mut Vec::new()).map(|w| w.text);
                    assert_eq!(
                        first_work(&n.settings, line.as_bytes()),
                        first_work_reference(&n.settings, line.as_bytes()),
                        "{line:?}"
                    );
                    if first_work(&n.settings, line.as_bytes()).is_none() {
                        assert_eq!(full, None, "fast scan skipped work in {line:?}");
                    }
                    if let Some(fast) = n.simple_line(line, false) {
                        assert_eq!(fast.map(|w| w.text), full, "one-pass path on {line:?}");
                    }
                    if !mojibake_suspect(line) {
                        let mut r = Vec::new();
                        assert!(mojibake::repair_line(line, &mut r).is_none(), "{line:?}");
                    }
                }
            }
        }
        assert!(
            lines > 30_000,
            "help: expected lingua's 39,000 lines, read {lines}"
        );
    }

    #[test]
    fn send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Normalizer>();
    }

    #[test]
    fn fast_path_basics() {
        let n = Normalizer::default();
        for clean in [
            "",
            "a",
            "Министерство связи и информатизации.\nITU — «цифровая» трансформация…",
            "No. 5 № 7",
            "«ОАО» № 5",
            "für, été, Bürger, zażegnać",
        ] {
            assert!(!n.needs_work(clean), "{clean:?}");
        }
        for dirty in [
            " a", "a ", "a  b", "a\n b", "a \nb", "a\tb", "a\r\nb", "&amp;", "РІ", "СЃ", "аБв",
            "Р’", "В«", "é©", "Ã ", "e\u{301}",
        ] {
            assert!(n.needs_work(dirty), "{dirty:?}");
        }
        // An invisible char inside a reference: the one-pass path leaves it to the full steps.
        assert_eq!(n.normalize("a &\u{200b}amp; b"), "a & b");
        assert!(n.simple_line("a &\u{200b}amp; b", false).is_none());
    }
}
