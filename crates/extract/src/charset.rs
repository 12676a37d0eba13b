//! Charset decision and transcoding to UTF-8.
//!
//! Order: byte-order mark, the caller's HTTP hint, a `<meta>` prescan of the first
//! 1024 bytes, then detection with chardetng. A declared charset is checked against
//! the bytes: a page that declares a legacy charset but is valid UTF-8 with non-ASCII
//! bytes is read as UTF-8, and a page that declares UTF-8 but is not valid UTF-8 goes
//! to detection (the usual "declared UTF-8, really windows-1251" mislabel).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::CharsetSource;

/// How many bytes of sample chardetng looks at. The sample is made of the words that
/// carry non-ASCII bytes (see [`sample`]), so this is several kilobytes of real text;
/// chardetng runs at about 20 MB/s, which makes the sample size the cost that matters.
const DETECT_LIMIT: usize = 16 * 1024;

/// chardetng costs about 1,000 instructions per byte of Cyrillic text, so it first
/// sees this much of the sample; a Cyrillic guess that decodes to plausible text
/// (mostly lowercase inside words) is taken, anything else sees the whole sample.
const DETECT_FIRST: usize = 1024;

/// How far [`sample`] looks for the non-ASCII bytes to sample.
const SCAN_LIMIT: usize = 1 << 20;

/// The decision: which encoding, how it was decided, and how many BOM bytes to skip.
pub(crate) struct Decision<'a> {
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
    pub bom_len: usize,
    /// The whole input as `&str` when it is valid UTF-8 (validated once, here).
    pub valid_utf8: Option<&'a str>,
}

/// Decides the charset of `bytes`.
pub(crate) fn decide<'a>(bytes: &'a [u8], http: Option<&str>, url: Option<&str>) -> Decision<'a> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Decision {
            encoding: enc,
            source: CharsetSource::Bom,
            bom_len,
            valid_utf8: None,
        };
    }
    let valid_utf8 = std::str::from_utf8(bytes).ok();
    let d = |encoding, source| Decision {
        encoding,
        source,
        bom_len: 0,
        valid_utf8,
    };
    let declared = http
        .and_then(|h| Encoding::for_label(h.trim().as_bytes()))
        .map(|e| (e, CharsetSource::Http))
        .or_else(|| prescan(&bytes[..bytes.len().min(1024)]).map(|e| (e, CharsetSource::Meta)));
    if let Some((enc, source)) = declared {
        // A UTF-16 label in a <meta> is always wrong (WHATWG prescan rule); from HTTP
        // it is believed when the bytes have the NULs of UTF-16 text.
        if (enc == UTF_16BE || enc == UTF_16LE)
            && source == CharsetSource::Http
            && looks_utf16(bytes)
        {
            return d(enc, source);
        }
        let enc = if enc == UTF_16BE || enc == UTF_16LE {
            UTF_8
        } else {
            enc
        };
        let enc = if enc.name() == "x-user-defined" {
            WINDOWS_1252
        } else {
            enc
        };
        if enc == UTF_8 {
            if valid_utf8.is_some() || utf8_plausible(bytes) {
                return d(UTF_8, source);
            }
            // Declared UTF-8 but the bytes are not: detect.
            return d(detect(bytes, url), CharsetSource::Detected);
        }
        if valid_utf8.is_some() && !bytes.is_ascii() && enc.is_ascii_compatible() {
            // Declared legacy, stored as UTF-8 (re-saved pages): trust the bytes.
            return d(UTF_8, CharsetSource::Detected);
        }
        if let Some(better) = cyrillic_mislabel(bytes, enc, url) {
            return d(better, CharsetSource::Detected);
        }
        return d(enc, source);
    }
    if valid_utf8.is_some() {
        return d(UTF_8, CharsetSource::Detected);
    }
    d(detect(bytes, url), CharsetSource::Detected)
}

/// Many NUL bytes in the first kilobyte: UTF-16 (or UTF-32) text, not an
/// ASCII-compatible encoding.
pub(crate) fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.len() >= 16 && head.iter().filter(|&&b| b == 0).count() * 5 >= head.len()
}

/// True when the bytes are UTF-8, allowing a few stray invalid bytes (a truncated
/// multi-byte sequence at the end, or one pasted legacy character) that a mislabel
/// would produce in large numbers.
fn utf8_plausible(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let mut errors = 0usize;
    let mut valid_non_ascii = false;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_non_ascii |= !s.is_ascii();
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                valid_non_ascii |= !rest[..good].is_ascii();
                errors += 1;
                if errors > 8 {
                    return false;
                }
                let skip = e.error_len().unwrap_or(rest.len() - good).max(1);
                rest = &rest[(good + skip).min(rest.len())..];
            }
        }
    }
    errors == 0 || (valid_non_ascii && errors <= 2)
}

/// Runs chardetng over the first bytes, with the URL's top-level domain as a hint.
fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let sample = sample(bytes, DETECT_LIMIT);
    let (guess, _) = chardet(
        &sample,
        url,
        chardetng::Utf8Detection::Allow,
        clear_cyrillic,
    );
    prefer_koi8_r(guess, &sample)
}

/// Whether chardetng's `guess` from the first kilobyte is a clear answer: a legacy
/// Cyrillic encoding that decodes `first` as mostly lowercase Cyrillic (normal running text).
fn clear_cyrillic(guess: &'static Encoding, first: &[u8]) -> bool {
    is_cyrillic_legacy(guess)
        && cyrillic_lower_share(&guess.decode_without_bom_handling(first).0) > 0.7
}

/// chardetng's guess for `sample`, with the URL's top-level domain as a hint. A sample
/// of more than two first kilobytes is judged on its first kilobyte alone when `early`
/// accepts that guess (a clear answer; the second value is then `true`), and whole
/// otherwise.
fn chardet(
    sample: &[u8],
    url: Option<&str>,
    utf8: chardetng::Utf8Detection,
    early: impl Fn(&'static Encoding, &[u8]) -> bool,
) -> (&'static Encoding, bool) {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let tld = url.and_then(tld_of);
    let tld = tld.as_deref().map(str::as_bytes);
    if sample.len() > 2 * DETECT_FIRST {
        let (first, rest) = sample.split_at(DETECT_FIRST);
        det.feed(first, false);
        let guess = det.guess(tld, utf8);
        if early(guess, first) {
            return (guess, true);
        }
        det.feed(rest, true);
    } else {
        det.feed(sample, true);
    }
    (det.guess(tld, utf8), false)
}

/// KOI8-U and KOI8-R differ only in the Ukrainian letters; a text that uses none
/// of them is reported as the far more common KOI8-R.
fn prefer_koi8_r(enc: &'static Encoding, sample: &[u8]) -> &'static Encoding {
    if enc != encoding_rs::KOI8_U {
        return enc;
    }
    let (u, _) = encoding_rs::KOI8_U.decode_without_bom_handling(sample);
    let (r, _) = encoding_rs::KOI8_R.decode_without_bom_handling(sample);
    if u == r {
        encoding_rs::KOI8_R
    } else {
        enc
    }
}

/// The single-byte Cyrillic encodings Russian-language sites mix up.
fn is_cyrillic_legacy(e: &'static Encoding) -> bool {
    use encoding_rs::{IBM866, ISO_8859_5, KOI8_R, KOI8_U, WINDOWS_1251, X_MAC_CYRILLIC};
    [
        WINDOWS_1251,
        KOI8_R,
        KOI8_U,
        ISO_8859_5,
        IBM866,
        X_MAC_CYRILLIC,
    ]
    .contains(&e)
}

/// A page declared in one Cyrillic legacy encoding but written in another (old
/// KOI8-R pages re-served as windows-1251): chardetng scores both and a clearly
/// better other Cyrillic encoding wins.
fn cyrillic_mislabel(
    bytes: &[u8],
    declared: &'static Encoding,
    url: Option<&str>,
) -> Option<&'static Encoding> {
    if !is_cyrillic_legacy(declared) || bytes.is_ascii() {
        return None;
    }
    // Text that reads as normal Russian (mostly lowercase inside words) in the
    // declared encoding is kept without running the detector; 4 KB of sample (a
    // couple of thousand letters) tell.
    let head = sample(bytes, 4096);
    if cyrillic_lower_share(&declared.decode_without_bom_handling(&head).0) >= 0.4 {
        return None;
    }
    let sample = sample(bytes, DETECT_LIMIT);
    let sample = &sample[..];
    let lower = |e: &'static Encoding| {
        let (text, _) = e.decode_without_bom_handling(sample);
        cyrillic_lower_share(&text)
    };
    if lower(declared) >= 0.4 {
        return None;
    }
    // As in `detect`: a clear answer from the first kilobyte is taken.
    let (guess, early) = chardet(
        sample,
        url,
        chardetng::Utf8Detection::Deny,
        |guess, first| guess != declared && clear_cyrillic(guess, first) && lower(guess) > 0.6,
    );
    if early {
        return Some(prefer_koi8_r(guess, sample));
    }
    if guess == declared || !is_cyrillic_legacy(guess) {
        return None;
    }
    (lower(guess) > 0.6).then(|| prefer_koi8_r(guess, sample))
}

/// A detection sample: the words that carry non-ASCII bytes, each with the ASCII text
/// around it up to a tag or line boundary, joined by spaces, at most `limit` bytes.
/// Markup, scripts and ASCII-only text, which tell chardetng nothing about a legacy
/// encoding, are left out, so a small sample holds kilobytes of real text even on a
/// page that opens with 100 KB of inline script. Input that fits is used whole.
fn sample(bytes: &[u8], limit: usize) -> Cow<'_, [u8]> {
    if bytes.len() <= limit {
        return Cow::Borrowed(bytes);
    }
    let hay = &bytes[..bytes.len().min(SCAN_LIMIT)];
    let boundary = |b: u8| matches!(b, b'<' | b'>' | b'\n' | b'\r' | b'"' | b'\'');
    let mut out = Vec::with_capacity(limit + 256);
    let mut pos = 0;
    while out.len() < limit {
        let Some(i) = next_non_ascii(hay, pos) else {
            break;
        };
        // Back to the start of the text run (at most 64 bytes).
        let floor = i.saturating_sub(64).max(pos);
        let start = hay[floor..i]
            .iter()
            .rposition(|&b| boundary(b))
            .map_or(floor, |p| floor + p + 1);
        // Forward to the end of the run: a boundary at least 24 bytes after the last
        // non-ASCII byte (or 64 ASCII bytes without a boundary).
        let mut last = i;
        let mut j = i;
        while j < hay.len() {
            let b = hay[j];
            if b >= 0x80 {
                last = j;
            } else if j - last > 64 || (j - last > 24 && boundary(b)) {
                break;
            }
            j += 1;
        }
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(&hay[start..j]);
        pos = j;
    }
    Cow::Owned(out)
}

/// Index of the first byte ≥ 0x80 at or after `from`, checking 16 bytes at a time.
fn next_non_ascii(hay: &[u8], from: usize) -> Option<usize> {
    let rest = hay.get(from..)?;
    let mut chunks = rest.chunks_exact(16);
    let mut off = 0;
    for c in &mut chunks {
        if !c.is_ascii() {
            break;
        }
        off += 16;
    }
    rest[off..]
        .iter()
        .position(|&b| b >= 0x80)
        .map(|p| from + off + p)
}

/// The share of lowercase among non-initial Cyrillic letters of words. Russian text
/// is mostly lowercase; KOI8-R read as windows-1251 (or the reverse) swaps cases.
fn cyrillic_lower_share(text: &str) -> f32 {
    let (mut lower, mut total) = (0u32, 0u32);
    let mut prev_letter = false;
    for c in text.chars() {
        let cyr = ('\u{0400}'..='\u{04FF}').contains(&c);
        if cyr && prev_letter {
            if total == 4000 {
                break; // plenty to tell the cases apart
            }
            total += 1;
            // The basic Russian letters without a Unicode table look-up.
            let is_lower = match c {
                'а'..='я' | 'ѐ'..='џ' => true,
                'Ѐ'..='Я' => false,
                _ => c.is_lowercase(),
            };
            if is_lower {
                lower += 1;
            }
        }
        prev_letter = match c {
            'a'..='z' | 'A'..='Z' | 'Ѐ'..='џ' => true,
            _ if c.is_ascii() => false,
            _ => c.is_alphabetic(),
        };
    }
    if total < 50 {
        return 0.5;
    }
    lower as f32 / total as f32
}

/// The last label of a URL's host, lowercased, e.g. `by` for `https://mpt.gov.by/node/1`.
fn tld_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let tld = host.trim_end_matches('.').rsplit('.').next()?;
    if tld.is_empty() || !tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    Some(tld.to_ascii_lowercase())
}

/// Transcodes to UTF-8. Valid UTF-8 input is borrowed.
pub(crate) fn decode<'a>(bytes: &'a [u8], d: &Decision<'a>) -> Cow<'a, str> {
    let body = &bytes[d.bom_len.min(bytes.len())..];
    if d.encoding == UTF_8 {
        if let Some(s) = d.valid_utf8 {
            return Cow::Borrowed(s);
        }
        return String::from_utf8_lossy(body);
    }
    d.encoding.decode_without_bom_handling(body).0
}

/// A simplified WHATWG "prescan a byte stream to determine its encoding": looks for
/// `<meta charset=...>`, `<meta http-equiv=content-type content="...charset=...">` and
/// an XML declaration's `encoding="..."`.
pub(crate) fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml") {
        if let Some(end) = find(&lower, b"?>", 0) {
            if let Some(v) = attr_value(&lower[..end], &head[..end], b"encoding") {
                if let Some(e) = Encoding::for_label(v) {
                    return Some(e);
                }
            }
        }
    }
    let mut pos = 0;
    while let Some(start) = find(&lower, b"<meta", pos) {
        let after = start + 5;
        let end = lower[after..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| after + p);
        let tag_l = &lower[after..end];
        let tag = &head[after..end];
        if let Some(v) = attr_value(tag_l, tag, b"charset") {
            if let Some(e) = Encoding::for_label(v) {
                return Some(e);
            }
        }
        if find(tag_l, b"content-type", 0).is_some() {
            if let Some(v) = attr_value(tag_l, tag, b"content") {
                let vl: Vec<u8> = v.iter().map(u8::to_ascii_lowercase).collect();
                if let Some(p) = find(&vl, b"charset", 0) {
                    let rest = &v[p + 7..];
                    let rest = trim_ascii(rest);
                    if let Some(rest) = rest.strip_prefix(b"=") {
                        let rest = trim_ascii(rest);
                        let rest = rest
                            .strip_prefix(b"\"")
                            .or_else(|| rest.strip_prefix(b"'"))
                            .unwrap_or(rest);
                        let n = rest
                            .iter()
                            .position(|&b| matches!(b, b';' | b'"' | b'\'' | b' '))
                            .unwrap_or(rest.len());
                        if let Some(e) = Encoding::for_label(&rest[..n]) {
                            return Some(e);
                        }
                    }
                }
            }
        }
        pos = end;
    }
    None
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |p| p + 1);
    &s[start..end.max(start)]
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() || needle.is_empty() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The value of attribute `name` inside a tag's attribute text (`lower` is `orig`
/// lowercased), quoted or not.
fn attr_value<'a>(lower: &[u8], orig: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(p) = find(lower, name, from) {
        from = p + name.len();
        let before_ok = p == 0
            || matches!(
                lower[p - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'"' | b'\'' | b'?'
            );
        if !before_ok {
            continue;
        }
        let mut i = p + name.len();
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= lower.len() || lower[i] != b'=' {
            continue;
        }
        i += 1;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= lower.len() {
            return None;
        }
        let (start, end) = match lower[i] {
            q @ (b'"' | b'\'') => {
                let s = i + 1;
                let e = lower[s..]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(lower.len(), |x| s + x);
                (s, e)
            }
            _ => {
                let e = lower[i..]
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>' || b == b';')
                    .map_or(lower.len(), |x| i + x);
                (i, e)
            }
        };
        return Some(trim_ascii(&orig[start..end]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_keeps_non_ascii_words() {
        let mut page = Vec::new();
        page.extend_from_slice(b"<script>");
        page.extend(std::iter::repeat_n(b'x', 40_000));
        page.extend_from_slice(b"</script><p>Hello \xcf\xf0\xe8\xe2\xe5\xf2 world</p>");
        page.extend(std::iter::repeat_n(b'y', 40_000));
        let s = sample(&page, 1024);
        assert!(s.starts_with(b"Hello \xcf\xf0\xe8\xe2\xe5\xf2 world</p>yyy"));
        assert!(s.len() < 100, "{}", s.len());
        // Short input is used whole.
        assert_eq!(&sample(b"abc", 1024)[..], b"abc");
    }

    #[test]
    fn prescan_finds_meta_forms() {
        assert_eq!(
            prescan(b"<meta charset=\"windows-1251\">"),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(
            prescan(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(
            prescan(b"<?xml version=\"1.0\" encoding=\"ISO-8859-5\"?>"),
            Some(encoding_rs::ISO_8859_5)
        );
        assert_eq!(prescan(b"<p>no meta</p>"), None);
    }

    #[test]
    fn tld() {
        assert_eq!(tld_of("https://mpt.gov.by/node/1").as_deref(), Some("by"));
        assert_eq!(
            tld_of("http://user@Example.RU:8080/x").as_deref(),
            Some("ru")
        );
    }
}
