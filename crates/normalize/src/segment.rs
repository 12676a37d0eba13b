//! Segmentation into words and sentences with byte offsets: [`words`] and [`sentences`].
//!
//! Both start from the Unicode (UAX #29) boundaries of `unicode-segmentation` and then apply
//! the project's own corrections: words keep internal apostrophes and hyphens, sentences do
//! not end at abbreviations, initials or decimal points.

use unicode_segmentation::UnicodeSegmentation;

/// A word or sentence: the text and its byte range in the string it was cut from.
///
/// `text == &source[start..end]` always holds, and both offsets are char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Span<'a> {
    /// The text of the span.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl<'a> Span<'a> {
    fn new(source: &'a str, start: usize, end: usize) -> Self {
        Span {
            text: &source[start..end],
            start,
            end,
        }
    }
}

/// Apostrophes that may sit inside a word: ASCII `'`, typographic `’` and the modifier
/// letter `ʼ` (the Ukrainian standard one).
const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{02BC}'];
/// Hyphens that may join parts of a word: ASCII `-`, U+2010 hyphen, U+2011 non-breaking.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

fn is_joiner(seg: &str) -> bool {
    let mut cs = seg.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => APOSTROPHES.contains(&c) || HYPHENS.contains(&c),
        _ => false,
    }
}

fn is_wordlike(seg: &str) -> bool {
    seg.chars().any(char::is_alphanumeric)
}

/// Splits `text` into words with byte offsets.
///
/// A word is a run of letters, digits and marks as UAX #29 sees it, with two additions:
/// an apostrophe (`'`, `’`, `ʼ`) or a hyphen (`-`, U+2010, U+2011) between two word parts
/// joins them into one word (`аб'ём`, `м’ясо`, `ITU's`, `па-ранейшаму`, `COVID-19`,
/// `e-government`), and apostrophes at either end of a word are not part of it.
/// Punctuation, spaces and symbols are not words.
///
/// ```
/// use pagesift_normalize::words;
///
/// let w: Vec<&str> = words("Аб'ём м’ясо ITU's па-ранейшаму: COVID-19, e-government!")
///     .iter().map(|s| s.text).collect();
/// assert_eq!(w, ["Аб'ём", "м’ясо", "ITU's", "па-ранейшаму", "COVID-19", "e-government"]);
/// ```
pub fn words(text: &str) -> Vec<Span<'_>> {
    let mut out: Vec<Span<'_>> = Vec::with_capacity(text.len() / 6 + 1);
    // Whether the previous segment was a joiner directly after the last word pushed.
    let mut pending_join: Option<usize> = None;
    let mut prev_end_was_word = false;
    for (start, seg) in text.split_word_bound_indices() {
        let end = start + seg.len();
        if is_wordlike(seg) {
            let (s, e) = trim_apostrophes(seg, start);
            if s >= e {
                prev_end_was_word = false;
                pending_join = None;
                continue;
            }
            match (pending_join.take(), out.last_mut()) {
                (Some(_), Some(last)) if s == start => {
                    *last = Span::new(text, last.start, e);
                }
                _ => out.push(Span::new(text, s, e)),
            }
            // A word whose trailing apostrophe was trimmed cannot be joined onward.
            prev_end_was_word = e == end;
        } else if prev_end_was_word && is_joiner(seg) && pending_join.is_none() {
            pending_join = Some(start);
            prev_end_was_word = false;
        } else {
            pending_join = None;
            prev_end_was_word = false;
        }
    }
    out
}

/// Trims leading and trailing apostrophes of a word segment; returns absolute offsets.
fn trim_apostrophes(seg: &str, start: usize) -> (usize, usize) {
    let t = seg.trim_start_matches(APOSTROPHES);
    let s = start + (seg.len() - t.len());
    let t = t.trim_end_matches(APOSTROPHES);
    (s, s + t.len())
}

/// Abbreviations after which a full stop does not end a sentence (compared lowercased,
/// without the final dot).
const ABBREVIATIONS: &[&str] = &[
    // Russian / Belarusian / Ukrainian
    "г", "гг", "т.д", "т.п", "т.е", "т.к", "т.н", "т.ч", "др", "пр", "см", "ср", "стр", "с", "им",
    "ул", "пл", "д", "кв", "обл", "р-н", "р", "п", "пп", "ст", "ч", "рис", "табл", "тыс", "млн",
    "млрд", "руб", "коп", "долл", "н.э", "в.т.ч", "проф", "акад", "доц", "каб", "тел", "вул", "гл",
    "напр", "прим", "англ", "рус", "бел", "укр", "нар", "тис", "грн", "і.т.д", "г.д", "і.г",
    "т.зв", "т.я", "зв", "ін", "інш", "мин", "сек", "ред", // English and Latin
    "e.g", "i.e", "cf", "vs", "no", "nos", "nr", "mr", "mrs", "ms", "dr", "prof", "st", "mt", "jr",
    "sr", "inc", "ltd", "co", "corp", "art", "para", "sec", "fig", "vol", "pp", "ed", "eds",
    "approx", "dept", "est", "gen", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m", "op", "ca", "al", "ibid", "viz",
    "rev", "hon", "sen", "rep", "ph.d", // German
    "z.b", "bzw", "ggf", "usw", "vgl", "abs", "nr", "s", "u.a", "d.h",
];

/// Splits `text` into sentences with byte offsets; spans exclude surrounding whitespace.
///
/// Starts from UAX #29 sentence boundaries and removes those that follow an abbreviation
/// (`г.`, `т.д.`, `e.g.`, `No.`, … — see the source for the list), a single-letter initial
/// (`A. S. Pushkin`, `А. Лукашенко`), or that fall between the digits of a number. A line
/// break always ends a sentence.
///
/// ```
/// use pagesift_normalize::sentences;
///
/// let s: Vec<&str> = sentences("В 2021 г. Минск принял план и т.д. Далее. See No. 5 e.g. here.")
///     .iter().map(|s| s.text).collect();
/// assert_eq!(s, ["В 2021 г. Минск принял план и т.д. Далее.", "See No. 5 e.g. here."]);
/// ```
pub fn sentences(text: &str) -> Vec<Span<'_>> {
    let mut out: Vec<Span<'_>> = Vec::new();
    // Start of the sentence being built, if the previous fragment must continue.
    let mut open: Option<usize> = None;
    for (start, frag) in text.split_sentence_bound_indices() {
        let sent_start = open.take().unwrap_or(start);
        let body = frag.trim_end();
        if body.is_empty() {
            continue;
        }
        let end = start + body.len();
        let ends_line = frag[body.len()..].contains(['\n', '\r', '\u{2029}', '\u{2028}', '\u{85}']);
        if !ends_line && start + frag.len() < text.len() && continues_after(body) {
            open = Some(sent_start);
            continue;
        }
        push_trimmed(text, sent_start, end, &mut out);
    }
    if let Some(s) = open {
        push_trimmed(text, s, text.len(), &mut out);
    }
    out
}

fn push_trimmed<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Span<'a>>) {
    let piece = &text[start..end];
    let t = piece.trim_start();
    let s = start + (piece.len() - t.len());
    let t = t.trim_end();
    if !t.is_empty() {
        out.push(Span::new(text, s, s + t.len()));
    }
}

/// `true` when a fragment ending in `body` ends with a dot that does not end a sentence.
fn continues_after(body: &str) -> bool {
    let Some(before_dot) = body.strip_suffix('.') else {
        return false;
    };
    // The token before the dot: letters, digits, dots and hyphens back to a space or
    // opening punctuation.
    let tok_start = before_dot
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let tok = &before_dot[tok_start..];
    if tok.is_empty() {
        return false;
    }
    let mut cs = tok.chars();
    let first = cs.next().unwrap_or(' ');
    if cs.next().is_none() && first.is_alphabetic() {
        // A single letter: an initial ("A.", "Ю.") or an abbreviation such as "г.", "с.".
        return true;
    }
    let lower: String = tok.chars().flat_map(char::to_lowercase).collect();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // "т.д", "e.g", "U.S.A": short letter groups joined by dots are abbreviations.
    tok.contains('.')
        && tok
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str) -> Vec<&str> {
        words(t).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn word_edges() {
        assert_eq!(
            w("'quoted' students' ʼслоўʼ"),
            ["quoted", "students", "слоў"]
        );
        assert_eq!(w("a - b -c d-"), ["a", "b", "c", "d"]);
        assert_eq!(w("mother-in-law 10-15"), ["mother-in-law", "10-15"]);
        assert_eq!(w("x--y"), ["x", "y"]);
        assert_eq!(w("Мінсувязі РБ"), ["Мінсувязі", "РБ"]);
    }

    #[test]
    fn sentence_rules() {
        let s = |t| sentences(t).into_iter().map(|s| s.text).collect::<Vec<_>>();
        assert_eq!(
            s("A. S. Pushkin wrote. It is 3.5 m."),
            ["A. S. Pushkin wrote.", "It is 3.5 m."]
        );
        assert_eq!(s("Line one г.\nLine two"), ["Line one г.", "Line two"]);
        assert_eq!(s("End.  "), ["End."]);
        assert_eq!(s(""), Vec::<&str>::new());
    }
}
