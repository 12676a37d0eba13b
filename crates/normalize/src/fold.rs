//! Case folding for matching: [`fold_for_matching`] and [`FoldSettings`].
//!
//! Folding is for *comparison* (theme terms against page text, counts of words), never for
//! display. It lowercases with full Unicode case folding (`ß` → `ss`, final `ς` → `σ`, the
//! `ﬁ` ligature → `fi`), maps Russian `ё` to `е`, and leaves the letters that tell Belarusian
//! and Ukrainian apart (`і`, `ї`, `ў`, `ґ`, `є`) intact. Diacritics are kept unless asked.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Options of [`FoldSettings::fold`]; [`fold_for_matching`] uses the defaults.
///
/// # Example
///
/// ```
/// use pagesift_normalize::FoldSettings;
///
/// let strip = FoldSettings::new().with_strip_diacritics(true);
/// assert_eq!(strip.fold("Ёлка Zürich Київ"), "елка zurich київ");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldSettings {
    yo_to_ye: bool,
    strip_diacritics: bool,
}

impl Default for FoldSettings {
    fn default() -> Self {
        FoldSettings {
            yo_to_ye: true,
            strip_diacritics: false,
        }
    }
}

impl FoldSettings {
    /// The default options (see each setter).
    pub fn new() -> Self {
        Self::default()
    }

    /// Maps Russian/Belarusian `ё`/`Ё` to `е` (Russian print mostly omits the dots).
    ///
    /// ### Default
    ///
    /// `true`.
    pub fn with_yo_to_ye(mut self, yes: bool) -> Self {
        self.yo_to_ye = yes;
        self
    }

    /// Removes diacritics from Latin and Greek letters (`é` → `e`, `ł` stays `ł` since it
    /// has no decomposition). Cyrillic letters are never stripped: `й`, `ў`, `ї` are
    /// letters of their own, not `и`, `у`, `і` with a mark.
    ///
    /// ### Default
    ///
    /// `false`.
    pub fn with_strip_diacritics(mut self, yes: bool) -> Self {
        self.strip_diacritics = yes;
        self
    }

    /// Folds `text` with these options; `Cow::Borrowed` when it is already folded.
    pub fn fold<'a>(&self, text: &'a str) -> Cow<'a, str> {
        // Fast path: find the first character that folding would change.
        let first = if self.strip_diacritics {
            text.char_indices()
                .find(|&(_, c)| self.changes(c))
                .map(|(i, _)| i)
        } else {
            first_change(text, self.yo_to_ye)
        };
        let Some(first) = first else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len() + 8);
        out.push_str(&text[..first]);
        for c in text[first..].chars() {
            if self.strip_diacritics && is_combining_mark(c) {
                // A free-standing mark after a Latin/Greek base goes; after a Cyrillic base
                // (ї written as і + U+0308) it stays.
                if out.chars().next_back().is_some_and(is_cyrillic) {
                    out.push(c);
                }
                continue;
            }
            self.fold_char(c, &mut out);
        }
        Cow::Owned(out)
    }

    fn changes(&self, c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_uppercase();
        }
        if special_fold(c).is_some() || (self.yo_to_ye && (c == 'ё' || c == 'Ё')) {
            return true;
        }
        if !is_lower_fixed(c) {
            return true;
        }
        self.strip_diacritics && strippable(c)
    }

    fn fold_char(&self, c: char, out: &mut String) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            return;
        }
        if self.yo_to_ye && (c == 'ё' || c == 'Ё') {
            out.push('е');
            return;
        }
        if let Some(s) = special_fold(c) {
            out.push_str(s);
            return;
        }
        for l in c.to_lowercase() {
            if self.strip_diacritics && strippable(l) {
                decompose_canonical(l, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            } else {
                out.push(l);
            }
        }
    }
}

/// Folds `text` for matching with the default [`FoldSettings`]: full Unicode lowercase,
/// `ё` → `е`, diacritics kept, `і`/`ў`/`ї` untouched. Returns `Cow::Borrowed` when the
/// text is already folded (all-lowercase text without `ё`).
///
/// Folding keeps words and their order, so [`crate::words`] of the folded text lines up
/// word-for-word with `words` of the original. Byte lengths agree for ASCII and Cyrillic
/// (every Cyrillic letter and its lowercase are both two bytes); a few letters change length
/// (`ß` → `ss`, `İ` → `i̇`), so use [`fold_span_map`] when exact byte offsets matter.
///
/// ```
/// use pagesift_normalize::fold_for_matching;
///
/// assert_eq!(fold_for_matching("Цифровая Трансформация"), "цифровая трансформация");
/// assert_eq!(fold_for_matching("Её ЁЛКА"), "ее елка");
/// assert_eq!(fold_for_matching("Ўсё БЕЛАРУСІ"), "ўсе беларусі");
/// assert_eq!(fold_for_matching("STRAẞE Café"), "strasse café");
/// assert!(matches!(fold_for_matching("already lower"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn fold_for_matching(text: &str) -> Cow<'_, str> {
    DEFAULT_FOLD.fold(text)
}

const DEFAULT_FOLD: FoldSettings = FoldSettings {
    yo_to_ye: true,
    strip_diacritics: false,
};

/// Folds `text` like [`fold_for_matching`] and also returns, for every byte offset of the
/// folded text that starts a character (plus its end), the byte offset in `text` of the
/// character it came from. `map[folded_offset]` is then a char boundary of `text`.
///
/// ```
/// use pagesift_normalize::fold_span_map;
///
/// let (folded, map) = fold_span_map("Straße Ёж");
/// assert_eq!(folded, "strasse еж");
/// let at = folded.find("еж").unwrap();
/// assert_eq!(&"Straße Ёж"[map[at]..], "Ёж");
/// ```
pub fn fold_span_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let before = out.len();
        DEFAULT_FOLD.fold_char(c, &mut out);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    map.push(text.len());
    (out, map)
}

/// Byte offset of the first character default-style folding would change.
fn first_change(text: &str, yo: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                return Some(i);
            }
            i += 1;
            continue;
        }
        // Cyrillic lead bytes: D0 xx (А-Я is D0 90..D0 AF; Ё is D0 81; Ѐ-Џ D0 80..8F),
        // D1 xx (а-я 2nd half, ё is D1 91). Check the common cases without decoding.
        if b == 0xD0 && i + 1 < bytes.len() {
            let b2 = bytes[i + 1];
            if (0xB0..=0xBF).contains(&b2) {
                i += 2;
                continue;
            }
            return Some(i); // capitals Ѐ..Я and their neighbours
        }
        if b == 0xD1 && i + 1 < bytes.len() {
            let b2 = bytes[i + 1];
            if b2 == 0x91 {
                if yo {
                    return Some(i);
                }
                i += 2;
                continue;
            }
            if (0x80..=0x9F).contains(&b2) {
                i += 2;
                continue;
            }
            // Ѡ.. (D1 A0..) are historic pairs of upper/lower: decode below.
        }
        let c = text[i..].chars().next().unwrap_or('\u{0}');
        if special_fold(c).is_some() || !is_lower_fixed(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// `true` when `c` lowercases to itself.
fn is_lower_fixed(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// Full case folding entries (CaseFolding.txt status F) that `to_lowercase` misses.
fn special_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ſ' => "s",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ŉ' => "ʼn",
        'ǰ' => "j\u{30C}",
        'ς' => "σ",
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}')
}

/// `true` for a precomposed Latin/Greek letter that has a canonical decomposition with marks.
fn strippable(c: char) -> bool {
    if c.is_ascii() || is_cyrillic(c) {
        return false;
    }
    let mut n = 0;
    let mut mark = false;
    decompose_canonical(c, |d| {
        n += 1;
        mark |= is_combining_mark(d);
    });
    n > 1 && mark || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_when_folded() {
        assert!(matches!(fold_for_matching("абв abc ўі"), Cow::Borrowed(_)));
        assert!(matches!(fold_for_matching("ёж"), Cow::Owned(_)));
        assert!(matches!(
            FoldSettings::new().with_yo_to_ye(false).fold("ёж"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn strip_keeps_cyrillic() {
        let s = FoldSettings::new().with_strip_diacritics(true);
        assert_eq!(s.fold("ЙЎЇ й ў ї Ёж"), "йўї й ў ї еж");
        assert_eq!(s.fold("Ï e\u{301}"), "i e");
        assert_eq!(s.fold("і\u{308}"), "і\u{308}");
    }

    #[test]
    fn sigma() {
        assert_eq!(fold_for_matching("ΟΔΟΣ οδος"), "οδοσ οδοσ");
    }
}
