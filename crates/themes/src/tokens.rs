//! The token stream both terms and text go through: pagesift-normalize's `words`, split
//! further at hyphens, English possessives dropped, then the matching fold.

use std::borrow::Cow;

use pagesift_normalize::{fold_for_matching, words};

/// One token: its byte range in the source text, the text as written and its folded key.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// Byte start in the source.
    pub start: usize,
    /// Byte end in the source.
    pub end: usize,
    /// The token as written (case kept), for case-sensitive acronyms.
    pub surface: &'a str,
    /// Folded for matching (lowercase, ё→е, one apostrophe).
    pub key: Cow<'a, str>,
}

/// Hyphens that `words` keeps inside a word; we split there so that "ИКТ-сектор",
/// "e-government" and "COVID-19" expose their parts to term matching.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// Cuts `text` into matching tokens, appending to `out`.
pub(crate) fn tokenize<'a>(text: &'a str, out: &mut Vec<Token<'a>>) {
    tokenize_with(text, None, out);
}

/// Like [`tokenize`], reusing `folded`, the matching fold of the whole of `text`, for the
/// token keys when it is [`aligned`] with `text` (folding char by char is what
/// `fold_for_matching` does, so a slice of the folded text is the folded slice).
pub(crate) fn tokenize_with<'a>(text: &'a str, folded: Option<&'a str>, out: &mut Vec<Token<'a>>) {
    let folded = folded.filter(|f| aligned(text, f));
    for w in words(text) {
        if w.text.contains(HYPHENS) {
            let mut from = 0;
            for (i, c) in w.text.char_indices().filter(|(_, c)| HYPHENS.contains(c)) {
                push_part(text, folded, w.start + from, w.start + i, out);
                from = i + c.len_utf8();
            }
            push_part(text, folded, w.start + from, w.end, out);
        } else {
            push_part(text, folded, w.start, w.end, out);
        }
    }
}

/// Whether every char of `a` and `b` has the same UTF-8 length, so byte offsets carry over.
pub(crate) fn aligned(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b)
        || (a.len() == b.len()
            && a.chars()
                .zip(b.chars())
                .all(|(x, y)| x.len_utf8() == y.len_utf8()))
}

/// `char::is_alphanumeric` with fast paths for ASCII and Cyrillic.
pub(crate) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0x400..=0x481 | 0x48a..=0x52f => true,
        _ => c.is_alphanumeric(),
    }
}

fn push_part<'a>(
    text: &'a str,
    folded: Option<&'a str>,
    start: usize,
    mut end: usize,
    out: &mut Vec<Token<'a>>,
) {
    let mut surface = &text[start..end];
    // English possessive: "ITU's", "Union’s" match as "ITU", "Union".
    for poss in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(base) = surface.strip_suffix(poss) {
            if !base.is_empty() && base.is_ascii() {
                surface = base;
                end = start + base.len();
            }
            break;
        }
    }
    if !surface.chars().any(is_word_char) {
        return;
    }
    let mut key = match folded {
        Some(f) => Cow::Borrowed(&f[start..end]),
        None => fold_for_matching(surface),
    };
    if key.contains(['\u{2019}', '\u{02BC}']) {
        key = Cow::Owned(key.replace(['\u{2019}', '\u{02BC}'], "'"));
    }
    out.push(Token {
        start,
        end,
        surface,
        key,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, usize, usize)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.into_iter()
            .map(|t| (t.key.into_owned(), t.start, t.end))
            .collect()
    }

    #[test]
    fn hyphens_split_and_possessives_drop() {
        let t = toks("ИКТ-сектора, ITU's COVID-19");
        let keys: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(keys, ["икт", "сектора", "itu", "covid", "19"]);
        assert_eq!((t[2].1, t[2].2), (23, 26));
    }

    #[test]
    fn reusing_the_folded_text_gives_the_same_tokens() {
        let text = "Цифровая ТРАНСФОРМАЦИЯ, ITU's e-Government; Ёмкость зв’язку";
        let folded = fold_for_matching(text);
        let mut a = Vec::new();
        tokenize(text, &mut a);
        let mut b = Vec::new();
        tokenize_with(text, Some(&folded), &mut b);
        let key = |v: &[Token<'_>]| -> Vec<(String, usize, usize)> {
            v.iter()
                .map(|t| (t.key.to_string(), t.start, t.end))
                .collect()
        };
        assert_eq!(key(&a), key(&b));
        assert!(aligned(text, &folded));
        assert!(!aligned("Straße", "strasse"));
    }

    #[test]
    fn apostrophes_unify() {
        let t = toks("зв’язок зв'язок");
        assert_eq!(t[0].0, t[1].0);
    }
}
