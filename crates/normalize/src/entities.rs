//! HTML character references left undecoded upstream (`&nbsp;`, `&amp;nbsp;`, `&#1052;`).

/// Named references that turn up in crawled text, sorted by name for binary search.
/// Only references with the closing `;` are decoded: a bare `&copy` in text is more often a
/// literal than a reference.
const NAMED: &[(&str, &str)] = &[
    ("AElig", "Æ"),
    ("Aacute", "Á"),
    ("Agrave", "À"),
    ("Auml", "Ä"),
    ("Ccedil", "Ç"),
    ("Eacute", "É"),
    ("Iacute", "Í"),
    ("Ntilde", "Ñ"),
    ("Oacute", "Ó"),
    ("Ouml", "Ö"),
    ("Uacute", "Ú"),
    ("Uuml", "Ü"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("acute", "´"),
    ("aelig", "æ"),
    ("agrave", "à"),
    ("amp", "&"),
    ("apos", "'"),
    ("aring", "å"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("bdquo", "„"),
    ("brvbar", "¦"),
    ("bull", "•"),
    ("ccedil", "ç"),
    ("cedil", "¸"),
    ("cent", "¢"),
    ("copy", "©"),
    ("curren", "¤"),
    ("dagger", "†"),
    ("deg", "°"),
    ("divide", "÷"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("egrave", "è"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("euml", "ë"),
    ("euro", "€"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("gt", ">"),
    ("hellip", "…"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iexcl", "¡"),
    ("igrave", "ì"),
    ("iquest", "¿"),
    ("iuml", "ï"),
    ("laquo", "«"),
    ("ldquo", "“"),
    ("lrm", "\u{200E}"),
    ("lsaquo", "‹"),
    ("lsquo", "‘"),
    ("lt", "<"),
    ("macr", "¯"),
    ("mdash", "—"),
    ("micro", "µ"),
    ("middot", "·"),
    ("minus", "−"),
    ("nbsp", "\u{A0}"),
    ("ndash", "–"),
    ("not", "¬"),
    ("ntilde", "ñ"),
    ("numero", "№"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("ograve", "ò"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("oslash", "ø"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("para", "¶"),
    ("permil", "‰"),
    ("plusmn", "±"),
    ("pound", "£"),
    ("prime", "′"),
    ("quot", "\""),
    ("raquo", "»"),
    ("rdquo", "”"),
    ("reg", "®"),
    ("rlm", "\u{200F}"),
    ("rsaquo", "›"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("sect", "§"),
    ("shy", "\u{AD}"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("szlig", "ß"),
    ("thinsp", "\u{2009}"),
    ("times", "×"),
    ("trade", "™"),
    ("uacute", "ú"),
    ("ucirc", "û"),
    ("ugrave", "ù"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("yen", "¥"),
    ("yuml", "ÿ"),
    ("zwj", "\u{200D}"),
    ("zwnj", "\u{200C}"),
];

/// Windows-1252 chars for numeric references to 0x80..=0x9F, as the HTML standard decodes
/// them (`&#150;` is an en dash); `None` keeps U+FFFD.
const C1_REFS: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Decoded text of a reference.
pub(crate) enum Decoded {
    Str(&'static str),
    Char(char),
}

/// If `s` starts with a complete reference (`&name;`, `&#123;`, `&#x7B;`), its decoded value
/// and byte length. `&amp;` directly followed by another reference's body (`&amp;nbsp;`) is
/// read as that reference: the text was escaped twice.
pub(crate) fn parse(s: &str) -> Option<(Decoded, usize)> {
    let (d, len) = parse_one(s)?;
    if let Decoded::Str("&") = d {
        // Twice-escaped: "&amp;nbsp;" → "&nbsp;" → NBSP, "&amp;amp;quot;" likewise.
        let rest = &s[len..];
        let mut cut = rest.len().min(33);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut probe = String::with_capacity(34);
        probe.push('&');
        probe.push_str(&rest[..cut]);
        if let Some((inner, inner_len)) = parse(&probe) {
            return Some((inner, len + inner_len - 1));
        }
    }
    Some((d, len))
}

fn parse_one(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    if b.get(1) == Some(&b'#') {
        let (digits, radix, skip) = match b.get(2) {
            Some(b'x' | b'X') => (&s[3..], 16, 3),
            _ => (&s[2..], 10, 2),
        };
        let n = digits
            .bytes()
            .take_while(|c| c.is_ascii_hexdigit() && (radix == 16 || c.is_ascii_digit()))
            .count();
        if n == 0 || n > 8 || digits.as_bytes().get(n) != Some(&b';') {
            return None;
        }
        let v = u32::from_str_radix(&digits[..n], radix).ok()?;
        let c = match v {
            0x80..=0x9F => C1_REFS[(v - 0x80) as usize].unwrap_or(char::from_u32(v)?),
            0 => '\u{FFFD}',
            _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((Decoded::Char(c), skip + n + 1));
    }
    let n = b[1..]
        .iter()
        .take(10)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 || b.get(1 + n) != Some(&b';') {
        return None;
    }
    let name = &s[1..1 + n];
    let i = NAMED.binary_search_by(|(k, _)| (*k).cmp(name)).ok()?;
    Some((Decoded::Str(NAMED[i].1), n + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Option<(String, usize)> {
        parse(s).map(|(d, n)| {
            (
                match d {
                    Decoded::Str(s) => s.to_owned(),
                    Decoded::Char(c) => c.to_string(),
                },
                n,
            )
        })
    }

    #[test]
    fn table_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn forms() {
        assert_eq!(dec("&amp;nbsp; x"), Some(("\u{A0}".into(), 10)));
        assert_eq!(dec("&amp;amp;quot;"), Some(("\"".into(), 14)));
        assert_eq!(dec("&amp; x"), Some(("&".into(), 5)));
        assert_eq!(dec("&#1052;"), Some(("М".into(), 7)));
        assert_eq!(dec("&#x41C;"), Some(("М".into(), 7)));
        assert_eq!(dec("&#150;"), Some(("–".into(), 6)));
        assert_eq!(dec("&copy"), None);
        assert_eq!(dec("&unknown;"), None);
        assert_eq!(dec("&#;"), None);
    }
}
