//! Mojibake repair: text that was encoded in one charset and decoded as another.
//!
//! Two families of damage are handled, in this order, on one line at a time:
//!
//! 1. **UTF-8 read as a single-byte charset** (`РњРёРЅРёСЃС‚РµСЂСЃС‚РІРѕ`, `Ã©`, `п═я─`),
//!    possibly several times over or only in part of a line. This is a port of ftfy's
//!    `fix_encoding` (Apache-2.0, © Robyn Speer): a heuristic ([`is_bad`]) says whether a line
//!    looks like mojibake at all; if so the line is re-encoded in each candidate charset and
//!    decoded as UTF-8, and the first charset that yields valid UTF-8 wins. Runs of mojibake
//!    inside otherwise good text are fixed on their own. KOI8-R, ISO-8859-5 and IBM866 are added
//!    to ftfy's list of charsets, with two extra heuristic rules for them.
//! 2. **One Cyrillic single-byte charset read as another** (`Ìèíèñòåðñòâî` is windows-1251
//!    read as windows-1252; `нХМХЯРЕПЯРБН` is KOI8-R read as windows-1251). No UTF-8
//!    structure helps here, so words are re-decoded only when the result is clearly better:
//!    plausible Cyrillic words (case pattern, vowels, impossible letter pairs) where there were
//!    implausible ones, over enough of the line.
//!
//! Both fire only when the repaired line is clearly better, so correct text in any language
//! passes unchanged (the crate's tests check every sentence of the lingua test sets).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::tables::{self, RawCharmap};
use crate::Repair;

/// A single-byte charset with its reverse map, built once.
pub(crate) struct Charmap {
    raw: &'static RawCharmap,
    rev: HashMap<char, u8>,
}

impl Charmap {
    fn new(raw: &'static RawCharmap) -> Self {
        let mut rev = HashMap::with_capacity(160);
        for (i, c) in raw.high.iter().enumerate() {
            let b = 0x80 + i as u8;
            let c = match c {
                Some(c) => *c,
                None if raw.sloppy => char::from(b),
                None => continue,
            };
            rev.entry(c).or_insert(b);
        }
        Charmap { raw, rev }
    }

    pub(crate) fn label(&self) -> &'static str {
        self.raw.label
    }

    /// The byte that decodes to `c`, following ftfy's sloppy rules.
    #[inline]
    pub(crate) fn encode_char(&self, c: char) -> Option<u8> {
        if (c as u32) < 0x80 {
            if c == '\u{1A}' && self.raw.sloppy {
                return None;
            }
            return Some(c as u8);
        }
        if self.raw.sloppy && c == '\u{FFFD}' {
            return Some(0x1A);
        }
        self.rev.get(&c).copied()
    }

    /// The char byte `b` decodes to (`None` for an undefined byte of a strict charset).
    #[inline]
    pub(crate) fn decode_byte(&self, b: u8) -> Option<char> {
        if b < 0x80 {
            if b == 0x1A && self.raw.sloppy {
                return Some('\u{FFFD}');
            }
            return Some(char::from(b));
        }
        match self.raw.high[usize::from(b - 0x80)] {
            Some(c) => Some(c),
            None if self.raw.sloppy => Some(char::from(b)),
            None => None,
        }
    }
}

/// Charsets tried for "UTF-8 read as X", in ftfy's order, then the Cyrillic additions.
pub(crate) static CHARMAPS: LazyLock<Vec<Charmap>> = LazyLock::new(|| {
    [
        &tables::LATIN_1,
        &tables::WINDOWS_1252,
        &tables::WINDOWS_1251,
        &tables::WINDOWS_1250,
        &tables::WINDOWS_1253,
        &tables::WINDOWS_1254,
        &tables::WINDOWS_1257,
        &tables::ISO_8859_2,
        &tables::MACINTOSH,
        &tables::CP437,
        &tables::KOI8_R,
        &tables::KOI8_U,
        &tables::ISO_8859_5,
        &tables::IBM866,
    ]
    .into_iter()
    .map(Charmap::new)
    .collect()
});

/// Index into [`CHARMAPS`].
pub(crate) fn charmap(label: &str) -> &'static Charmap {
    CHARMAPS
        .iter()
        .find(|c| c.label() == label)
        .unwrap_or(&CHARMAPS[0])
}

/// ftfy's badness pattern plus rules for UTF-8 read as KOI8-R (`п═`, `я─`) and as IBM866
/// (`╨Я`, `╤А`).
static BADNESS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let extra = concat!(
        r"|[пя][\x{2500}-\x{25A0}\x{2320}\x{2321}\x{2219}\x{221A}\x{2248}\x{2264}\x{2265}]",
        r"|[╨╤][\x{410}-\x{43F}\x{2591}-\x{2593}\x{2502}\x{2524}\x{2561}\x{2562}\x{2556}",
        r"\x{2555}\x{2563}\x{2551}\x{2557}\x{255D}\x{255C}\x{255B}\x{2510}]"
    );
    // UTF-8 Cyrillic read as windows-1251 without any of the symbols ftfy looks for
    // ("СЃРІСЏР·Рё"): three lead-byte letters in a row, each followed by a char of bytes
    // 0x80..=0xBF. After "С" (0xD1) the letters ё є і ї ў would stand for archaic letters
    // only, and "Сёння" is Belarusian, so they do not count there.
    let class = |skip: &[char]| -> String {
        tables::WINDOWS_1251.high[..64]
            .iter()
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .filter(|c| !skip.contains(c))
            .map(|c| format!("\\x{{{:X}}}", u32::from(c)))
            .collect()
    };
    let (r_cont, s_cont) = (
        class(&[]),
        class(&['ё', 'є', 'і', 'ї', 'ў', 'Ё', 'Є', 'І', 'Ї', 'Ў']),
    );
    let cyr = format!("|(?:Р[{r_cont}]|С[{s_cont}]){{3}}");
    Regex::new(&format!("{}{}{}", tables::BADNESS, extra, cyr)).ok()
});
static UTF8_DETECTOR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(tables::UTF8_DETECTOR).ok());
static STRICT_CONTINUATION: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!("^{}$", tables::STRICT_CONTINUATION)).ok());
static ALTERED_UTF8: LazyLock<Option<regex::bytes::Regex>> = LazyLock::new(|| {
    regex::bytes::Regex::new(concat!(
        r"(?-u)[\xc2\xc3\xc5\xce\xd0\xd9][ ]",
        r"|[\xe2\xe3][ ][\x80-\x84\x86-\x9f\xa1-\xbf]",
        r"|[\xe0-\xe3][\x80-\x84\x86-\x9f\xa1-\xbf][ ]",
        r"|[\xf0][ ][\x80-\xbf][\x80-\xbf]",
        r"|[\xf0][\x80-\xbf][ ][\x80-\xbf]",
        r"|[\xf0][\x80-\xbf][\x80-\xbf][ ]",
    ))
    .ok()
});
static LOSSY_UTF8: LazyLock<Option<regex::bytes::Regex>> = LazyLock::new(|| {
    regex::bytes::Regex::new(concat!(
        r"(?-u)[\xc2-\xdf][\x1a]",
        r"|[\xc2-\xc3][?]",
        r"|\xed[\xa0-\xaf][\x1a?]\xed[\xb0-\xbf][\x1a?\x80-\xbf]",
        r"|\xed[\xa0-\xaf][\x1a?\x80-\xbf]\xed[\xb0-\xbf][\x1a?]",
        r"|[\xe0-\xef][\x1a?][\x1a\x80-\xbf]",
        r"|[\xe0-\xef][\x1a\x80-\xbf][\x1a?]",
        r"|[\xf0-\xf4][\x1a?][\x1a\x80-\xbf][\x1a\x80-\xbf]",
        r"|[\xf0-\xf4][\x1a\x80-\xbf][\x1a?][\x1a\x80-\xbf]",
        r"|[\xf0-\xf4][\x1a\x80-\xbf][\x1a\x80-\xbf][\x1a?]",
        r"|\x1a",
    ))
    .ok()
});

/// `true` when `text` looks like it contains mojibake (ftfy's `is_bad`, extended).
pub(crate) fn is_bad(text: &str) -> bool {
    BADNESS.as_ref().is_some_and(|re| re.is_match(text))
}

/// Text with, for every byte, the offset of the source char it came from (relative to the
/// start of the repaired line). `src.len() == text.len()`.
#[derive(Debug, Clone)]
pub(crate) struct Tracked {
    pub text: String,
    pub src: Vec<usize>,
}

impl Tracked {
    #[cfg(test)]
    fn identity(text: &str) -> Self {
        let mut src = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            src.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        Tracked {
            text: text.to_owned(),
            src,
        }
    }

    /// Maps this text's offsets through `inner` (offsets of `inner.text` are what `self`
    /// points into).
    fn compose(self, inner: &Tracked) -> Tracked {
        let src = self
            .src
            .iter()
            .map(|&i| inner.src.get(i).copied().unwrap_or(inner.src.len()))
            .collect();
        Tracked {
            text: self.text,
            src,
        }
    }
}

/// Repairs one line (no `\n` inside). Returns `None` when nothing changed.
///
/// When mojibake is left after the whole-line repair and the line has no-break spaces (an
/// `&nbsp;` decoded into text whose bytes were mis-decoded breaks the UTF-8 structure of the
/// whole line), the pieces between no-break spaces are repaired one by one, and that result
/// is kept if it leaves less mojibake.
pub(crate) fn repair_line(line: &str, repairs: &mut Vec<Repair>) -> Option<Tracked> {
    if line.is_ascii() {
        return None;
    }
    let mut whole_repairs = Vec::new();
    let whole = repair_line_whole(line, &mut whole_repairs);
    let after = whole.as_ref().map_or(line, |t| t.text.as_str());
    if after.contains('\u{A0}') && is_bad(after) {
        let mut piece_repairs = Vec::new();
        let mut out = String::with_capacity(line.len());
        let mut src = Vec::with_capacity(line.len());
        let mut start = 0;
        for piece in line.split('\u{A0}') {
            match repair_line_whole(piece, &mut piece_repairs) {
                Some(t) => {
                    out.push_str(&t.text);
                    src.extend(t.src.iter().map(|&i| start + i));
                }
                None => push_identity(line, start, start + piece.len(), &mut out, &mut src),
            }
            start += piece.len();
            if start < line.len() {
                push_identity(line, start, start + 2, &mut out, &mut src);
                start += 2;
            }
        }
        if badness(&out) < badness(after) {
            repairs.extend(piece_repairs);
            return Some(Tracked { text: out, src });
        }
    }
    repairs.extend(whole_repairs);
    whole
}

fn badness(text: &str) -> usize {
    BADNESS.as_ref().map_or(0, |re| re.find_iter(text).count())
}

fn repair_line_whole(line: &str, repairs: &mut Vec<Repair>) -> Option<Tracked> {
    if line.is_ascii() {
        return None;
    }
    let mut cur: Option<Tracked> = None;
    for _ in 0..8 {
        let text = cur.as_ref().map_or(line, |t| t.text.as_str());
        let step = fix_utf8_one_step(text, repairs).or_else(|| fix_cyrillic(text, repairs));
        match step {
            Some(next) => {
                cur = Some(match cur {
                    Some(prev) => next.compose(&prev),
                    None => next,
                });
            }
            None => break,
        }
    }
    cur
}

/// One step of ftfy's `fix_encoding`. `None` when the text does not change.
fn fix_utf8_one_step(text: &str, repairs: &mut Vec<Repair>) -> Option<Tracked> {
    if text.is_ascii() || !is_bad(text) {
        return None;
    }
    for cm in CHARMAPS.iter() {
        let Some((bytes, src)) = encode_tracked(text, cm) else {
            continue;
        };
        // ftfy does not restore 0xA0 for MacRoman, where byte 0xA0 is a dagger.
        let (bytes, src) = if cm.label() == "macintosh" {
            (bytes, src)
        } else {
            restore_byte_a0(bytes, src)
        };
        let (bytes, src) = if cm.raw.sloppy {
            replace_lossy(bytes, src)
        } else {
            (bytes, src)
        };
        if let Some(fixed) = decode_utf8_variants(&bytes, &src) {
            // Private-use characters out of nowhere mean the bytes were not UTF-8 after all.
            let pua = |t: &str| t.chars().any(|c| ('\u{E000}'..='\u{F8FE}').contains(&c));
            // Cyrillic read back as UTF-8 can land anywhere ("и№„" is CJK U+9E44, "а№„" Thai):
            // Cyrillic charsets are taken to hide only Latin, Greek, Cyrillic, punctuation,
            // symbols and emoji.
            let cyrillic_charmap = matches!(
                cm.label(),
                "windows-1251" | "koi8-r" | "koi8-u" | "iso-8859-5" | "ibm866"
            );
            if fixed.text != text
                && (!pua(&fixed.text) || pua(text))
                && (!cyrillic_charmap || fixed.text.chars().all(hidden_by_cyrillic))
            {
                repairs.push(Repair {
                    from: "utf-8".into(),
                    via: cm.label().into(),
                });
                return Some(fixed);
            }
        }
    }
    // Whole-line single-byte Cyrillic confusions take precedence over fixing small runs of
    // "UTF-8-looking" pieces: "Ì³" in windows-1251 read as windows-1252 is "Мі", not U+0333.
    fix_cyrillic(text, repairs).or_else(|| decode_inconsistent_utf8(text, repairs))
}

fn encode_tracked(text: &str, cm: &Charmap) -> Option<(Vec<u8>, Vec<usize>)> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut src = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        bytes.push(cm.encode_char(c)?);
        src.push(i);
    }
    Some((bytes, src))
}

/// Replaces each regex match in `bytes` with `f(match)`, keeping the source offsets (new bytes
/// take the offset of the match's first byte).
fn substitute(
    bytes: Vec<u8>,
    src: Vec<usize>,
    re: &regex::bytes::Regex,
    mut f: impl FnMut(&[u8], &[u8]) -> Option<Vec<u8>>,
) -> (Vec<u8>, Vec<usize>) {
    let mut out = Vec::with_capacity(bytes.len() + 4);
    let mut out_src = Vec::with_capacity(bytes.len() + 4);
    let mut last = 0;
    for m in re.find_iter(&bytes) {
        let Some(rep) = f(m.as_bytes(), &bytes[m.end()..]) else {
            continue;
        };
        out.extend_from_slice(&bytes[last..m.start()]);
        out_src.extend_from_slice(&src[last..m.start()]);
        let s = src[m.start()];
        out_src.extend(std::iter::repeat_n(s, rep.len()));
        out.extend_from_slice(&rep);
        last = m.end();
    }
    if last == 0 {
        return (bytes, src);
    }
    out.extend_from_slice(&bytes[last..]);
    out_src.extend_from_slice(&src[last..]);
    (out, out_src)
}

/// Characters that UTF-8 read as a Cyrillic single-byte charset plausibly hides.
fn hidden_by_cyrillic(c: char) -> bool {
    // Modern letters only: archaic Cyrillic (U+0460..=U+048F, "ѫ", "Ѹ") is what "С" plus
    // punctuation decodes to by accident.
    matches!(c,
        '\u{0}'..='\u{045F}'
        | '\u{0490}'..='\u{052F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2000}'..='\u{2BFF}'
        | '\u{FB00}'..='\u{FB06}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FFFD}'
        | '\u{1F000}'..)
}

/// ftfy's `restore_byte_a0`: a space that stands where byte 0xA0 belongs in UTF-8.
fn restore_byte_a0(bytes: Vec<u8>, src: Vec<usize>) -> (Vec<u8>, Vec<usize>) {
    let Some(altered) = ALTERED_UTF8.as_ref() else {
        return (bytes, src);
    };
    if !altered.is_match(&bytes) {
        return (bytes, src);
    }
    // "Ã " followed by anything but " ", "quele", "quela", "quilo", "s " is "à ".
    let (bytes, src) = a_grave_word(bytes, src);
    substitute(bytes, src, altered, |m, _| {
        Some(
            m.iter()
                .map(|&b| if b == b' ' { 0xA0 } else { b })
                .collect(),
        )
    })
}

fn a_grave_word(bytes: Vec<u8>, src: Vec<usize>) -> (Vec<u8>, Vec<usize>) {
    let mut out = Vec::with_capacity(bytes.len() + 4);
    let mut out_src = Vec::with_capacity(bytes.len() + 4);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xC3 && bytes.get(i + 1) == Some(&b' ') {
            let rest = &bytes[i + 2..];
            let blocked = [&b" "[..], b"quele", b"quela", b"quilo", b"s "]
                .iter()
                .any(|p| rest.starts_with(p));
            if !blocked {
                out.extend_from_slice(&[0xC3, 0xA0, b' ']);
                out_src.extend_from_slice(&[src[i], src[i], src[i + 1]]);
                i += 2;
                continue;
            }
        }
        out.push(bytes[i]);
        out_src.push(src[i]);
        i += 1;
    }
    (out, out_src)
}

/// ftfy's `replace_lossy_sequences`: UTF-8 sequences with a lost byte become U+FFFD.
fn replace_lossy(bytes: Vec<u8>, src: Vec<usize>) -> (Vec<u8>, Vec<usize>) {
    match LOSSY_UTF8.as_ref() {
        Some(re) => substitute(bytes, src, re, |_, _| Some("\u{FFFD}".as_bytes().to_vec())),
        None => (bytes, src),
    }
}

/// Strict UTF-8 plus CESU-8 surrogate pairs and Java's `C0 80` for NUL (ftfy's
/// `utf-8-variants`). `None` on any invalid sequence.
fn decode_utf8_variants(bytes: &[u8], src: &[usize]) -> Option<Tracked> {
    let mut text = String::with_capacity(bytes.len());
    let mut out_src = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else if b == 0xC0 && bytes.get(i + 1) == Some(&0x80) {
            ('\0', 2)
        } else if b == 0xED
            && i + 5 < bytes.len()
            && (0xA0..=0xAF).contains(&bytes[i + 1])
            && (0x80..=0xBF).contains(&bytes[i + 2])
            && bytes[i + 3] == 0xED
            && (0xB0..=0xBF).contains(&bytes[i + 4])
            && (0x80..=0xBF).contains(&bytes[i + 5])
        {
            let hi =
                0xD000 | (u32::from(bytes[i + 1] & 0x3F) << 6) | u32::from(bytes[i + 2] & 0x3F);
            let lo =
                0xD000 | (u32::from(bytes[i + 4] & 0x3F) << 6) | u32::from(bytes[i + 5] & 0x3F);
            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            (char::from_u32(cp)?, 6)
        } else {
            let len = match b {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return None,
            };
            let s = std::str::from_utf8(bytes.get(i..i + len)?).ok()?;
            (s.chars().next()?, len)
        };
        text.push(c);
        out_src.extend(std::iter::repeat_n(src[i], c.len_utf8()));
        i += len;
    }
    Some(Tracked { text, src: out_src })
}

/// ftfy's `decode_inconsistent_utf8`: fixes runs of UTF-8 mojibake inside other text.
fn decode_inconsistent_utf8(text: &str, repairs: &mut Vec<Repair>) -> Option<Tracked> {
    let det = UTF8_DETECTOR.as_ref()?;
    let strict = STRICT_CONTINUATION.as_ref()?;
    let mut out = String::with_capacity(text.len());
    let mut src = Vec::with_capacity(text.len());
    let mut last = 0;
    let mut pos = 0;
    let mut changed = false;
    while pos <= text.len() {
        let Some(m) = det.find_at(text, pos) else {
            break;
        };
        // The look-behind ftfy has: no strict continuation char right before the match.
        if let Some(prev) = text[..m.start()].chars().next_back() {
            let mut buf = [0u8; 4];
            if strict.is_match(prev.encode_utf8(&mut buf)) {
                let step = text[m.start()..].chars().next().map_or(1, char::len_utf8);
                pos = m.start() + step;
                continue;
            }
        }
        let sub = m.as_str();
        pos = m.end().max(pos + 1);
        if sub.len() < text.len() && is_bad(sub) {
            let mut sub_repairs = Vec::new();
            if let Some(fixed) = fix_encoding_full(sub, &mut sub_repairs) {
                push_identity(text, last, m.start(), &mut out, &mut src);
                out.push_str(&fixed.text);
                src.extend(fixed.src.iter().map(|&s| s + m.start()));
                last = m.end();
                changed = true;
                repairs.extend(sub_repairs);
            }
        }
        if pos > text.len() {
            break;
        }
        // Continue searching at a char boundary.
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    if !changed {
        return None;
    }
    push_identity(text, last, text.len(), &mut out, &mut src);
    let first = Tracked { text: out, src };
    // The line is proven to hold UTF-8 read as `via`: short whole words of the same kind
    // that the heuristic alone does not flag ("СЃ" = "с", "Рё" = "и") are fixed too.
    let via = repairs.last().map(|r| r.via.clone());
    match via.and_then(|v| short_words_pass(&first.text, charmap(&v))) {
        Some(second) => Some(second.compose(&first)),
        None => Some(first),
    }
}

/// Decodes every whole-word UTF-8 mojibake run of `text` read as `cm` whose decoding is all
/// letters. `None` when nothing changes.
fn short_words_pass(text: &str, cm: &Charmap) -> Option<Tracked> {
    let det = UTF8_DETECTOR.as_ref()?;
    let mut out = String::with_capacity(text.len());
    let mut src = Vec::with_capacity(text.len());
    let mut last = 0;
    // A detector match may span a space ("аў РґР°"): look at each space-separated piece.
    let pieces = det.find_iter(text).flat_map(|m| {
        let base = m.start();
        m.as_str()
            .split(' ')
            .scan(base, |at, p| {
                let start = *at;
                *at += p.len() + 1;
                Some((start, start + p.len()))
            })
            .collect::<Vec<_>>()
    });
    for (start, end) in pieces {
        if start == end || start < last {
            continue;
        }
        let piece = &text[start..end];
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let Some((bytes, bsrc)) = encode_tracked(piece, cm) else {
            continue;
        };
        let Some(fixed) = decode_utf8_variants(&bytes, &bsrc) else {
            continue;
        };
        if fixed.text == piece
            || !fixed
                .text
                .chars()
                .all(|c| c.is_alphabetic() && hidden_by_cyrillic(c))
        {
            continue;
        }
        push_identity(text, last, start, &mut out, &mut src);
        out.push_str(&fixed.text);
        src.extend(fixed.src.iter().map(|&s| s + start));
        last = end;
    }
    if last == 0 {
        return None;
    }
    push_identity(text, last, text.len(), &mut out, &mut src);
    Some(Tracked { text: out, src })
}

fn push_identity(text: &str, from: usize, to: usize, out: &mut String, src: &mut Vec<usize>) {
    for (i, c) in text[from..to].char_indices() {
        src.extend(std::iter::repeat_n(from + i, c.len_utf8()));
    }
    out.push_str(&text[from..to]);
}

/// ftfy's `fix_encoding` loop on a piece of text (UTF-8 steps only).
fn fix_encoding_full(text: &str, repairs: &mut Vec<Repair>) -> Option<Tracked> {
    let mut cur: Option<Tracked> = None;
    for _ in 0..8 {
        let t = cur.as_ref().map_or(text, |t| t.text.as_str());
        match fix_utf8_one_step(t, repairs) {
            Some(next) => {
                cur = Some(match cur {
                    Some(prev) => next.compose(&prev),
                    None => next,
                });
            }
            None => break,
        }
    }
    cur
}

// ---------------------------------------------------------------------------------------
// Cyrillic single-byte confusions.

/// (real charset, charset it was wrongly decoded as).
const CYRILLIC_PAIRS: [(&str, &str); 13] = [
    ("windows-1251", "windows-1252"),
    ("koi8-r", "windows-1252"),
    ("koi8-u", "windows-1252"),
    ("iso-8859-5", "windows-1252"),
    ("ibm866", "windows-1252"),
    ("koi8-r", "windows-1251"),
    ("koi8-u", "windows-1251"),
    ("windows-1251", "koi8-r"),
    ("windows-1251", "koi8-u"),
    ("iso-8859-5", "windows-1251"),
    ("windows-1251", "iso-8859-5"),
    ("ibm866", "windows-1251"),
    ("windows-1251", "ibm866"),
];

/// [`CYRILLIC_PAIRS`] resolved to charmaps once.
static PAIRS: LazyLock<Vec<(&'static Charmap, &'static Charmap)>> = LazyLock::new(|| {
    CYRILLIC_PAIRS
        .iter()
        .map(|(real, via)| (charmap(real), charmap(via)))
        .collect()
});

fn is_cyrillic_letter(c: char) -> bool {
    // U+0482..=U+0489 are a sign and combining marks; the rest of the block is letters.
    matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}')
}

/// Vowels of the three alphabets (lower case; callers lowercase first).
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'і' | 'ї' | 'є'
    )
}

/// A plausible Russian/Belarusian/Ukrainian word: sane case pattern, vowels where a word needs
/// them, no impossible letter pairs.
pub(crate) fn plausible_cyrillic(word: &str) -> bool {
    let n = word.chars().count();
    if n == 0 || !word.chars().all(is_cyrillic_letter) {
        return false;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let case_ok = upper == 0 || upper == n || (upper == 1 && first_upper);
    if !case_ok {
        return false;
    }
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    // Letters of the three alphabets only, and not mixed across them: Ukrainian has no
    // ы/э/ъ/ё, Belarusian no и/щ/ъ, Russian no і/ї/є/ў.
    let has = |set: &str| lower.iter().any(|c| set.contains(*c));
    if !lower
        .iter()
        .all(|c| ('а'..='я').contains(c) || "ёіїєўґ".contains(*c))
    {
        return false;
    }
    if (has("їєґ") && has("ыэъё")) || (has("ў") && has("ищъїєґ")) || (has("і") && has("ъ"))
    {
        return false;
    }
    let vowels = lower.iter().filter(|c| is_vowel(**c)).count();
    if n >= 2 && vowels == 0 && !(upper == n && n <= 4) {
        return false;
    }
    if n >= 5 && vowels * 5 < n {
        return false;
    }
    if matches!(lower[0], 'ь' | 'ъ' | 'ы') && n > 1 {
        return false;
    }
    if lower.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return false; // no word has a letter three times in a row
    }
    let mut run = 0;
    for (i, &c) in lower.iter().enumerate() {
        if is_vowel(c) {
            run = 0;
        } else {
            run += 1;
            if run > 5 {
                return false;
            }
        }
        if i > 0 {
            let p = lower[i - 1];
            let soft = matches!(c, 'ь' | 'ъ');
            if soft && (is_vowel(p) || matches!(p, 'ь' | 'ъ' | 'й')) {
                return false;
            }
            if c == 'ы' && is_vowel(p) && p != 'ы' {
                // "аы", "оы": not in any of the three languages.
                return false;
            }
        }
    }
    true
}

struct Token {
    start: usize,
    end: usize,
    converted: String,
}

/// Fixes one line whose Cyrillic was decoded with the wrong single-byte charset.
fn fix_cyrillic(text: &str, repairs: &mut Vec<Repair>) -> Option<Tracked> {
    if text.is_ascii() {
        return None;
    }
    let (latin, mut cyrillic) = cyrillic_gate(text);
    if cyrillic {
        // A Cyrillic-looking line can only be judged mis-decoded if most of its words are
        // implausible or most of its letters are capitals; ordinary prose is neither.
        let (mut words, mut implausible, mut upper, mut letters) = (0, 0, 0, 0);
        for w in text.split(|c: char| !is_cyrillic_letter(c)) {
            let n = w.chars().count();
            letters += n;
            upper += w.chars().filter(|c| c.is_uppercase()).count();
            if n >= 3 {
                words += 1;
                implausible += usize::from(!plausible_cyrillic(w));
            }
        }
        cyrillic = (implausible >= 2 && implausible * 10 >= words * 6) || upper * 10 >= letters * 6;
    }
    if !latin && !cyrillic {
        return None;
    }
    let mut best: Option<(usize, usize, Vec<Token>)> = None; // (score, pair index, tokens)
    for (pi, (real, via)) in PAIRS.iter().enumerate() {
        let latin_pair = via.label() == "windows-1252";
        if (latin_pair && !latin) || (!latin_pair && !cyrillic) {
            continue;
        }
        if let Some((score, tokens)) = judge_pair(text, real, via) {
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, pi, tokens));
            }
        }
    }
    let (_, pi, tokens) = best?;
    let (real, via) = PAIRS[pi];
    // Between the converted words, symbols that stand for common punctuation ("╚" for "«"
    // in windows-1251 read as KOI8-R) are converted too.
    // A plain letter is converted only right next to a word, and only into a quote mark
    // ("ДіяЛ" is "Дія»" in windows-1251 read as ISO-8859-5).
    let punct = |c: char, next_to_word: bool| -> Option<char> {
        let basic = matches!(
            c,
            'А'..='я' | 'Ё' | 'ё' | 'І' | 'і' | 'Ў' | 'ў' | 'Ї' | 'ї' | 'Є' | 'є'
        );
        if c.is_ascii() || (basic && !next_to_word) || c.is_numeric() || c.is_whitespace() {
            return None;
        }
        if basic {
            let b = via.encode_char(c)?;
            let r = real.decode_byte(b)?;
            return "«»„“”".contains(r).then_some(r);
        }
        let b = via
            .encode_char(c)
            .or_else(|| (('\u{80}'..='\u{9F}').contains(&c)).then_some(c as u8))?;
        let r = real.decode_byte(b)?;
        (r != c && "«»—–…„“”‘’№".contains(r)).then_some(r)
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut src = Vec::with_capacity(text.len() + 16);
    let mut last = 0;
    let push_between = |from: usize, to: usize, out: &mut String, src: &mut Vec<usize>| {
        for (i, c) in text[from..to].char_indices() {
            let next_to_word =
                (i == 0 && from > 0) || (from + i + c.len_utf8() == to && to < text.len());
            let r = punct(c, next_to_word).unwrap_or(c);
            out.push(r);
            src.extend(std::iter::repeat_n(from + i, r.len_utf8()));
        }
    };
    for t in &tokens {
        push_between(last, t.start, &mut out, &mut src);
        // Map converted chars one-to-one onto the token's chars.
        for ((i, _), c) in text[t.start..t.end].char_indices().zip(t.converted.chars()) {
            out.push(c);
            src.extend(std::iter::repeat_n(t.start + i, c.len_utf8()));
        }
        last = t.end;
    }
    push_between(last, text.len(), &mut out, &mut src);
    if out == text {
        return None;
    }
    let (real, via) = CYRILLIC_PAIRS[pi];
    repairs.push(Repair {
        from: real.into(),
        via: via.into(),
    });
    Some(Tracked { text: out, src })
}

/// Decides whether `text` is Cyrillic in `real` decoded as `via`; returns a score and the
/// tokens to convert.
fn judge_pair(text: &str, real: &Charmap, via: &Charmap) -> Option<(usize, Vec<Token>)> {
    let via_is_cyrillic = via.label() != "windows-1252";
    // Chars of `text` that are a Cyrillic letter in `real` once re-encoded in `via`.
    let convert = |c: char| -> Option<char> {
        if c.is_ascii() {
            return None;
        }
        let b = via
            .encode_char(c)
            .or_else(|| (('\u{80}'..='\u{9F}').contains(&c)).then_some(c as u8))?;
        let r = real.decode_byte(b)?;
        is_cyrillic_letter(r).then_some(r)
    };
    let mut tokens: Vec<Token> = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, c) in text.char_indices() {
        // A no-break space or soft hyphen may stand for a letter (IBM866 "а" is byte 0xA0)
        // but never starts a word: runs of NBSP in layout tables are not Cyrillic text.
        let blank = c.is_whitespace() || c == '\u{AD}';
        match convert(c).filter(|_| !blank || cur.is_some()) {
            Some(r) => match cur.as_mut() {
                Some((_, s)) => s.push(r),
                None => cur = Some((i, r.to_string())),
            },
            None => {
                if let Some((s, conv)) = cur.take() {
                    tokens.push(Token {
                        start: s,
                        end: i,
                        converted: conv,
                    });
                }
            }
        }
    }
    if let Some((s, conv)) = cur.take() {
        tokens.push(Token {
            start: s,
            end: text.len(),
            converted: conv,
        });
    }
    if tokens.is_empty() {
        return None;
    }
    // A token glued to ASCII letters is part of a Latin word, not a mis-decoded one.
    let glued = |t: &Token| {
        text[..t.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            || text[t.end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
    };
    if via_is_cyrillic {
        // Cyrillic-looking text: the line as a whole must go from mostly implausible words
        // to plausible ones, and show the case anomaly a swapped charset leaves.
        let anomaly = tokens
            .iter()
            .any(|t| has_case_anomaly(&text[t.start..t.end]));
        let words: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.converted.chars().count() >= 3)
            .collect();
        if words.is_empty() {
            return None;
        }
        let fixable = words
            .iter()
            .filter(|t| {
                !plausible_cyrillic(&text[t.start..t.end]) && plausible_cyrillic(&t.converted)
            })
            .count();
        let good_before = words
            .iter()
            .filter(|t| plausible_cyrillic(&text[t.start..t.end]))
            .count();
        let good_after = words
            .iter()
            .filter(|t| plausible_cyrillic(&t.converted))
            .count();
        let n = words.len();
        // One word alone is never enough evidence: a Serbian "јединица" has a Cyrillic
        // misreading that looks like a word too.
        let enough = fixable >= 2;
        let implausible = enough && fixable * 10 >= n * 6 && good_before * 10 <= n * 3;
        // KOI8 and windows-1251 put lower and upper case the other way round: prose
        // (mostly lower-case) turns into mostly upper-case words, which can look like
        // plausible abbreviations one by one.
        let (mut upper_before, mut lower_after, mut letters) = (0, 0, 0);
        for t in &tokens {
            upper_before += text[t.start..t.end]
                .chars()
                .filter(|c| c.is_uppercase())
                .count();
            lower_after += t.converted.chars().filter(|c| c.is_lowercase()).count();
            letters += t.converted.chars().count();
        }
        let case_swapped = upper_before * 10 >= letters * 6 && lower_after * 10 >= letters * 6;
        // A swapped charset always leaves a case anomaly or a letter (or symbol) outside the
        // Russian, Belarusian and Ukrainian alphabets; the fast path relies on that too.
        let odd = tokens.iter().any(|t| {
            text[t.start..t.end].chars().any(|c| {
                !matches!(
                    c,
                    'А'..='я' | 'Ё' | 'ё' | 'І' | 'і' | 'Ў' | 'ў' | 'Ї' | 'ї' | 'Є' | 'є'
                )
            })
        });
        // Prose comes out mostly lower-case; short all-caps "words" prove nothing.
        let prose = lower_after * 2 >= letters;
        let decided = prose
            && (((anomaly || odd) && implausible) || (anomaly && case_swapped && good_after >= 2));
        if decided && good_after * 10 >= n * 8 {
            // Every Cyrillic run of the line was decoded the same wrong way.
            let good_letters: usize = words
                .iter()
                .filter(|t| plausible_cyrillic(&t.converted))
                .map(|t| t.converted.chars().count())
                .sum();
            let score = good_letters * 2 + lower_after / 4;
            return Some((score, tokens.into_iter().filter(|t| !glued(t)).collect()));
        }
        return None;
    }
    // Latin-looking text: runs of non-ASCII Latin-1 symbols/letters that become plausible
    // Cyrillic words. Real European words mix in ASCII letters; these runs do not.
    let candidates: Vec<&Token> = tokens
        .iter()
        .filter(|t| !glued(t) && t.converted.chars().count() >= 2)
        .collect();
    let fixable: Vec<&&Token> = candidates
        .iter()
        .filter(|t| plausible_cyrillic(&t.converted) && !is_cyrillic_run(&text[t.start..t.end]))
        .collect();
    let fix_chars: usize = fixable.iter().map(|t| t.converted.chars().count()).sum();
    let longest = fixable
        .iter()
        .map(|t| t.converted.chars().count())
        .max()
        .unwrap_or(0);
    if fix_chars >= 6 && longest >= 4 && fixable.len() * 10 >= candidates.len() * 7 {
        // Prefer the reading with more plausible letters, then the more lower-case one
        // (KOI8 read as windows-1252 also yields plausible-looking ALL-CAPS words).
        let lower: usize = fixable
            .iter()
            .map(|t| t.converted.chars().filter(|c| c.is_lowercase()).count())
            .sum();
        let score = fix_chars * 2 + lower;
        // Convert every free-standing run, single-letter words such as "â" = "в" and
        // consonant-only pieces cut by an apostrophe ("çâ'ÿçêó" = "зв'язку") included.
        let keep: Vec<Token> = tokens
            .into_iter()
            .filter(|t| !glued(t) && !is_cyrillic_run(&text[t.start..t.end]))
            .collect();
        return Some((score, keep));
    }
    None
}

/// Letters of the Russian, Belarusian and Ukrainian alphabets (no ґ: it is rare and is one
/// of the symbols windows-1251 mojibake leaves).
fn is_basic_cyrillic(c: char) -> bool {
    matches!(
        c,
        'А'..='я' | 'Ё' | 'ё' | 'І' | 'і' | 'Ў' | 'ў' | 'Ї' | 'ї' | 'Є' | 'є'
    )
}

/// Cheap tests of whether a line may hold single-byte Cyrillic mojibake, as (Latin-looking,
/// Cyrillic-looking). Latin-looking: a run of four non-ASCII symbols or letters outside the
/// Cyrillic block (windows-1251 read as windows-1252 and the like). Cyrillic-looking: a case
/// anomaly ("гЙЖТПЧБС") or a letter or symbol outside the three alphabets next to a letter
/// ("Ухэх№рыќэћщ"). `fix_cyrillic` needs one of them to decide anything, and the fast path
/// of `normalize` flags lines with either.
pub(crate) fn cyrillic_gate(text: &str) -> (bool, bool) {
    let (mut latin, mut cyrillic) = (false, false);
    let mut run = 0;
    let mut prev: Option<char> = None;
    let common = |x: char| {
        x.is_ascii()
            || x.is_whitespace()
            || is_basic_cyrillic(x)
            || matches!(
                x,
                '–' | '—'
                    | '‘'
                    | '’'
                    | '“'
                    | '”'
                    | '„'
                    | '…'
                    | '«'
                    | '»'
                    | '·'
                    | 'ʼ'
                    | '\u{AD}'
                    | '\u{200B}'
                    | '\u{200C}'
                    | '\u{200D}'
                    | '\u{FEFF}'
            )
    };
    for c in text.chars() {
        if c.is_ascii() || common(c) || is_cyrillic_letter(c) {
            run = 0;
        } else {
            run += 1;
            latin |= run >= 4;
        }
        if let Some(p) = prev {
            if is_basic_cyrillic(p) && p.is_lowercase() && is_basic_cyrillic(c) && c.is_uppercase()
            {
                cyrillic = true;
            }
            if (is_basic_cyrillic(p) && !common(c)) || (is_basic_cyrillic(c) && !common(p)) {
                cyrillic = true;
            }
        }
        if latin && cyrillic {
            break;
        }
        prev = Some(c);
    }
    (latin, cyrillic)
}

fn is_cyrillic_run(s: &str) -> bool {
    s.chars().any(is_cyrillic_letter)
}

/// A lowercase letter directly followed by an uppercase one inside a Cyrillic word.
pub(crate) fn has_case_anomaly(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if !is_cyrillic_letter(c) {
            // Symbols inside a token stand for letters ("м¦ЮВБЧБС"): look through them.
            continue;
        }
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        let mut r = Vec::new();
        repair_line(s, &mut r).map_or_else(|| s.to_owned(), |t| t.text)
    }

    #[test]
    fn regexes_compile() {
        assert!(BADNESS.is_some());
        assert!(UTF8_DETECTOR.is_some());
        assert!(STRICT_CONTINUATION.is_some());
        assert!(ALTERED_UTF8.is_some());
        assert!(LOSSY_UTF8.is_some());
    }

    #[test]
    fn basic_chains() {
        assert_eq!(fix("РњРёРЅРёСЃС‚РµСЂСЃС‚РІРѕ"), "Министерство");
        assert_eq!(fix("Ìèíèñòåðñòâî ñâÿçè"), "Министерство связи");
        assert_eq!(fix("HÃ´tel"), "Hôtel");
        assert_eq!(
            fix("ВІКІ is Ukrainian for WIKI"),
            "ВІКІ is Ukrainian for WIKI"
        );
    }

    #[test]
    fn tracked_offsets_are_in_range() {
        let s = "x РњРёРЅ y";
        let mut r = Vec::new();
        let t = repair_line(s, &mut r).unwrap_or_else(|| Tracked::identity(s));
        assert_eq!(t.src.len(), t.text.len());
        assert!(t.src.iter().all(|&i| s.is_char_boundary(i)));
    }
}
