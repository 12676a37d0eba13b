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

#[inline]
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
    let b = text.as_bytes();
    let n = b.len();
    let mut sink = Words {
        text,
        out: Vec::with_capacity(n / 6 + 1),
        pending_join: false,
        prev_end_was_word: false,
    };
    // The last safe boundary passed (see `safe_start`) and the number of words then: a
    // stretch the fast path cannot judge is redone from there by `unicode-segmentation`.
    let (mut safe, mut safe_len) = (0, 0);
    let mut i = 0;
    while i < n {
        let c = b[i];
        let step = match Kind::at(b, i) {
            Kind::Letter | Kind::Digit => match run_end(b, i) {
                Some(end) => {
                    sink.word(i, end);
                    Some(end)
                }
                None => None,
            },
            Kind::Punct(len) => {
                if c == b' ' {
                    let mut j = i + 1;
                    while j < n && b[j] == b' ' {
                        j += 1;
                    }
                    sink.other(false);
                    if safe_start(b, j) {
                        safe = j;
                        safe_len = sink.out.len();
                    }
                    Some(j)
                } else if c == b'_' {
                    None // ExtendNumLet joins words (WB13a/b): left to the reference rules
                } else {
                    let joiner = matches!(c, b'-' | b'\'')
                        || (len == 3 && b[i + 1] == 0x80 && matches!(b[i + 2], 0x90 | 0x91 | 0x99));
                    sink.other(joiner);
                    Some(i + len)
                }
            }
            Kind::Hard => None,
        };
        match step {
            Some(next) => i = next,
            None => {
                // Redo from the last safe boundary to the next one with the UAX #29 rules.
                let end = next_safe(b, i + 1);
                sink.out.truncate(safe_len);
                sink.pending_join = false;
                sink.prev_end_was_word = false;
                for (start, seg) in text[safe..end].split_word_bound_indices() {
                    sink.segment(safe + start, seg);
                }
                i = end;
                safe = end;
                safe_len = sink.out.len();
            }
        }
    }
    sink.out
}

/// The state of [`words`]: the words found and whether the next word part joins the last.
struct Words<'a> {
    text: &'a str,
    out: Vec<Span<'a>>,
    /// The previous segment was a joiner directly after the last word pushed.
    pending_join: bool,
    prev_end_was_word: bool,
}

impl<'a> Words<'a> {
    /// A word segment `text[start..end]` that starts and ends with a letter or digit.
    #[inline]
    fn word(&mut self, start: usize, end: usize) {
        match self.out.last_mut() {
            Some(last) if self.pending_join => *last = Span::new(self.text, last.start, end),
            _ => self.out.push(Span::new(self.text, start, end)),
        }
        self.pending_join = false;
        self.prev_end_was_word = true;
    }

    /// A segment with no letter or digit; `joiner` when it is one apostrophe or hyphen.
    #[inline]
    fn other(&mut self, joiner: bool) {
        self.pending_join = self.prev_end_was_word && joiner && !self.pending_join;
        self.prev_end_was_word = false;
    }

    /// Any segment from `unicode-segmentation`, starting at byte `start`.
    fn segment(&mut self, start: usize, seg: &str) {
        let end = start + seg.len();
        if is_wordlike(seg) {
            let (s, e) = trim_apostrophes(seg, start);
            if s >= e {
                self.prev_end_was_word = false;
                self.pending_join = false;
                return;
            }
            match self.out.last_mut() {
                Some(last) if self.pending_join && s == start => {
                    *last = Span::new(self.text, last.start, e);
                }
                _ => self.out.push(Span::new(self.text, s, e)),
            }
            self.pending_join = false;
            // A word whose trailing apostrophe was trimmed cannot be joined onward.
            self.prev_end_was_word = e == end;
        } else {
            self.other(is_joiner(seg));
        }
    }
}

/// What the fast path of [`words`] makes of the char at a byte offset.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// ASCII or Cyrillic (U+0400..U+047F) letter: UAX #29 ALetter.
    Letter,
    /// ASCII digit: Numeric.
    Digit,
    /// A char of this many bytes that is a segment of its own next to letters, digits and
    /// the chars of this kind, unless it sits between two letters or digits as `run_end`
    /// decides: ASCII punctuation, spaces, controls and `« » ‐ ‑ – — ‘ ’ “ ” „ … №`.
    Punct(usize),
    /// Anything else (marks, format chars, other scripts): left to `unicode-segmentation`.
    Hard,
}

impl Kind {
    #[inline(always)]
    fn at(b: &[u8], i: usize) -> Kind {
        let Some(&c) = b.get(i) else {
            return Kind::Punct(0);
        };
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => Kind::Letter,
            b'0'..=b'9' => Kind::Digit,
            0..=0x7F => Kind::Punct(1),
            0xD0 | 0xD1 => Kind::Letter,
            0xC2 if matches!(b.get(i + 1), Some(0xAB | 0xBB)) => Kind::Punct(2),
            0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                (
                    Some(0x80),
                    Some(0x90 | 0x91 | 0x93 | 0x94 | 0x98 | 0x99 | 0x9C..=0x9E | 0xA6),
                )
                | (Some(0x84), Some(0x96)) => Kind::Punct(3),
                _ => Kind::Hard,
            },
            _ => Kind::Hard,
        }
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// High bit set in the bytes of `x` with the high bit clear and value `>= c` (`c <= 0x80`).
#[inline(always)]
fn ge_bytes(x7: u64, c: u8) -> u64 {
    (x7 + ONES * u64::from(0x80 - c)) & HIGH_BITS
}

/// High bit set in the bytes of `x` that continue a run of letters and digits: ASCII
/// letters and digits, the lead bytes D0 and D1 (U+0400..U+047F, all letters) and
/// continuation bytes (which in a run only ever follow D0 or D1: any other lead byte
/// stops the run first).
#[inline(always)]
fn run_bytes(x: u64) -> u64 {
    let x7 = x & !HIGH_BITS;
    let ascii = !x & HIGH_BITS;
    let digit = ge_bytes(x7, b'0') & !ge_bytes(x7, b'9' + 1);
    let l = x7 | (ONES * 0x20);
    let letter = ge_bytes(l, b'a') & !ge_bytes(l, b'z' + 1);
    // Bytes 0x80..0xBF and 0xD0/0xD1: 10xxxxxx, and 1101000x.
    let cont = x & !(x << 1) & HIGH_BITS;
    let v = (x & (ONES * 0xFE)) ^ (ONES * 0xD0);
    let d0d1 = !((((v & !HIGH_BITS) + !HIGH_BITS) | v) & HIGH_BITS) & HIGH_BITS;
    (ascii & (digit | letter)) | cont | d0d1
}

/// The end of the UAX #29 word segment that starts with the letter or digit at `i`, when the
/// fast path can tell: letters and digits run on (WB5, WB8–10), and `.` `'` `‘` `’` (and `:`
/// between letters, `,` `;` between digits) join two letters or two digits (WB6/7, WB11/12).
/// `None` when a char the fast path does not know decides.
#[inline]
fn run_end(b: &[u8], mut i: usize) -> Option<usize> {
    let n = b.len();
    loop {
        // Eight bytes at a time while they all continue the run.
        while i + 8 <= n {
            let mut a = [0u8; 8];
            a.copy_from_slice(&b[i..i + 8]);
            let stop = !run_bytes(u64::from_le_bytes(a)) & HIGH_BITS;
            if stop != 0 {
                i += (stop.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        while i < n
            && (b[i].is_ascii_alphanumeric()
                || (b[i] >= 0x80 && b[i] < 0xC0)
                || b[i] == 0xD0
                || b[i] == 0xD1)
        {
            i += 1;
        }
        if i >= n {
            return Some(n);
        }
        // The run stops at ASCII or at a lead byte, so `i` is a char boundary; the char
        // before it is a digit or a letter.
        let last = if b[i - 1].is_ascii_digit() {
            Kind::Digit
        } else {
            Kind::Letter
        };
        let (len, letters, digits) = match b[i] {
            b'.' | b'\'' => (1, true, true),
            b':' => (1, true, false),
            b',' | b';' => (1, false, true),
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x99)) => {
                (3, true, true)
            }
            // Whatever follows ends the run unless it is an extending char, which is `Hard`
            // and sends the whole stretch to the reference rules.
            _ => return Some(i),
        };
        let next = Kind::at(b, i + len);
        if next == Kind::Hard {
            return None;
        }
        let joins = (letters && last == Kind::Letter && next == Kind::Letter)
            || (digits && last == Kind::Digit && next == Kind::Digit);
        if !joins {
            return Some(i);
        }
        i += len;
    }
}

/// `true` when a word boundary at `p` is certain whatever comes before the space at `p - 1`
/// and after: the char at `p` is ASCII or a Cyrillic letter, never a space or an extending
/// char (WB3d, WB4), and no rule looks across a space. Also at the end of the text.
#[inline]
fn safe_start(b: &[u8], p: usize) -> bool {
    match b.get(p) {
        None => true,
        Some(&c) => p > 0 && b[p - 1] == b' ' && c != b' ' && (c < 0x80 || c == 0xD0 || c == 0xD1),
    }
}

/// The first safe boundary at or after `from` (or the end of the text).
fn next_safe(b: &[u8], from: usize) -> usize {
    let mut p = from.min(b.len());
    while p < b.len() {
        if safe_start(b, p) {
            return p;
        }
        p += 1;
    }
    b.len()
}

/// The former [`words`]: every segment from `unicode-segmentation` (tests only).
#[cfg(test)]
fn words_reference(text: &str) -> Vec<Span<'_>> {
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The fast path of `words` finds exactly the words of the reference (every segment
        /// from `unicode-segmentation`), on pieces around the UAX #29 rules that matter and on
        /// arbitrary strings.
        #[test]
        fn words_equal_reference(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Z", "7", "42", " ", "  ", "\n", "\r\n", "\t", ".", ",", ";", ":", "'", "’", "‘", "ʼ",
            "-", "‐", "‑", "–", "—", "_", "«", "»", "“", "”", "„", "…", "№", "(", ")", "\"", "/",
            "word", "слово", "Аб'ём", "е", "ё", "Ѣ", "і", "ў", "é", "ß", "中文", "日本",
            "\u{301}", "\u{200d}", "\u{200b}", "\u{ad}", "\u{a0}", "\u{2003}", "🇺", "🇦", "😀",
            "א", "ア", "ﬁ", "3.5", "1,000", "e.g.", "U.S.", "COVID-19", "ITU's", "e-government",
        ]), 0..30), any_text in "\\PC{0,30}", wild in ".{0,30}",
            // A small alphabet, so that every pair and triple around the rules comes up.
            dense in proptest::collection::vec(proptest::sample::select(vec![
                "a", "я", "7", " ", ".", ":", ",", ";", "'", "’", "‘", "ʼ", "-", "‐", "_", "\u{301}", "é",
                "«", "\n",
            ]), 0..12)) {
            for text in [parts.concat(), any_text, wild, dense.concat()] {
                proptest::prop_assert_eq!(words(&text), words_reference(&text), "{:?}", text);
            }
        }
    }

    /// The fast path agrees with the reference on every line of lingua's test sets, and
    /// on them joined into one text.
    #[test]
    fn words_equal_reference_on_real_text() {
        let base = std::env::var_os("PAGESIFT_SHARED_DATA")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
            });
        let Ok(langs) = std::fs::read_dir(base.join("lingua-testdata")) else {
            eprintln!("SKIP: lingua-testdata not found under {}", base.display());
            return;
        };
        let mut lines = 0;
        for lang in langs.flatten() {
            for file in ["sentences.txt", "word-pairs.txt", "single-words.txt"] {
                let Ok(text) = std::fs::read_to_string(lang.path().join(file)) else {
                    continue;
                };
                assert_eq!(
                    words(&text),
                    words_reference(&text),
                    "{}",
                    lang.path().display()
                );
                for line in text.lines() {
                    lines += 1;
                    assert_eq!(words(line), words_reference(line), "{line:?}");
                }
            }
        }
        assert!(
            lines > 30_000,
            "help: expected lingua's 39,000 lines, read {lines}"
        );
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
        // Each UAX #29 rule the fast path applies, against the reference.
        for t in [
            "20:03",
            "a:b",
            "a:7",
            "1,5;3 x,y",
            "e.g. U.S.A.",
            "a’1",
            "a‘b",
            "ITU’s",
            "7'7",
            "a.7",
            "ab\u{301}c",
            "a_b",
            "«a» — b… № 5",
            "x ‐y",
            "  a  ",
        ] {
            assert_eq!(words(t), words_reference(t), "{t:?}");
        }
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
