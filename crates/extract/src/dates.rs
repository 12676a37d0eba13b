//! Dates: ISO 8601 from machine-readable values and from text in Russian,
//! Belarusian, Ukrainian and English.

/// Month names (lowercase prefixes that identify the month) per language, in
/// nominative and genitive forms.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Russian
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
    // Belarusian
    ("студзен", 1),
    ("студзені", 1),
    ("лют", 2),
    ("сакавік", 3),
    ("красавік", 4),
    ("траўн", 5),
    ("чэрвен", 6),
    ("чэрвен", 6),
    ("ліп", 7),
    ("жнів", 8),
    ("верас", 9),
    ("кастрычнік", 10),
    ("лістапад", 11),
    ("снеж", 12),
    // Ukrainian
    ("січ", 1),
    ("лют", 2),
    ("берез", 3),
    ("квіт", 4),
    ("травн", 5),
    ("трав", 5),
    ("черв", 6),
    ("лип", 7),
    ("серп", 8),
    ("верес", 9),
    ("жовт", 10),
    ("листопад", 11),
    ("груд", 12),
];

/// The month a word names, if any. Short English abbreviations and the Russian
/// "ма" stem must match the whole word (or the known inflections) to avoid
/// false hits such as "march" of troops being fine but "mart" or "май" being needed.
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.is_empty() {
        return None;
    }
    let is_ascii = w.is_ascii();
    if is_ascii {
        for &(name, m) in MONTHS.iter().take(24) {
            if w == name {
                return Some(m);
            }
        }
        return None;
    }
    if w == "мая" || w == "май" {
        return Some(5);
    }
    if w == "лютага" || w == "люты" || w == "лютого" || w == "лютий" {
        return Some(2);
    }
    for &(stem, m) in MONTHS.iter().skip(24) {
        if stem.len() > 4 && w.starts_with(stem) && w.chars().count() <= stem.chars().count() + 3 {
            return Some(m);
        }
    }
    None
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn iso(y: u32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Normalises a machine-readable date (meta content, `datetime`, JSON-LD) to ISO 8601.
/// Full ISO datetimes are kept with their time and offset; other forms are reduced to
/// the date.
pub(crate) fn normalize_machine(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[4] == b'-' || b[4] == b'/')
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b[4]
        && b[8..10].iter().all(u8::is_ascii_digit)
    {
        let y: u32 = s[..4].parse().ok()?;
        let m: u32 = s[5..7].parse().ok()?;
        let d: u32 = s[8..10].parse().ok()?;
        if !valid(y, m, d) {
            return None;
        }
        // Keep a well-formed time part: THH:MM[:SS[.fff]][Z|±HH:MM]
        if b.len() > 10 && (b[10] == b'T' || b[10] == b' ') {
            let rest = &s[11..];
            let ok = rest.len() <= 30
                && rest.len() >= 5
                && rest
                    .bytes()
                    .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-' | b'Z'))
                && rest.as_bytes()[2] == b':';
            if ok {
                return Some(format!("{}T{}", iso(y, m, d), rest));
            }
        }
        return Some(iso(y, m, d));
    }
    find_in_text(s)
}

/// Finds the first date written in running text: `17.05.2021`, `2021-05-17`,
/// `17 мая 2021 г.`, `17 траўня 2021`, `17 травня 2021`, `May 17, 2021`, `17 May 2021`.
pub(crate) fn find_in_text(text: &str) -> Option<String> {
    // Tokenise into words and numbers with their byte positions, bounded.
    let mut toks: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (c == '.' && start.is_some()) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            toks.push(&text[s..i]);
            if toks.len() > 400 {
                break;
            }
        }
    }
    if let Some(s) = start {
        toks.push(&text[s..]);
    }
    for (i, t) in toks.iter().enumerate() {
        // Numeric forms.
        if let Some(d) = numeric_date(t) {
            return Some(d);
        }
        // "17 мая 2021", "17 May 2021"
        if let (Some(day), Some(mw), Some(yw)) = (num(t), toks.get(i + 1), toks.get(i + 2)) {
            if let (Some(m), Some(y)) = (month_of(mw), num(yw)) {
                if valid(y, m, day) {
                    return Some(iso(y, m, day));
                }
            }
        }
        // "May 17, 2021"
        if let (Some(m), Some(dw), Some(yw)) = (month_of(t), toks.get(i + 1), toks.get(i + 2)) {
            if let (Some(day), Some(y)) = (num(dw), num(yw)) {
                if valid(y, m, day) {
                    return Some(iso(y, m, day));
                }
            }
        }
    }
    None
}

fn num(t: &str) -> Option<u32> {
    let t = t.trim_end_matches('.');
    let t = t
        .strip_suffix("th")
        .or_else(|| t.strip_suffix("st"))
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .unwrap_or(t);
    if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// `17.05.2021`, `2021-05-17` (the tokeniser keeps dots inside a token).
fn numeric_date(t: &str) -> Option<String> {
    let t = t.trim_end_matches('.');
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let (a, b, c) = (parts[0], parts[1], parts[2]);
        if a.len() <= 2 && b.len() <= 2 && c.len() == 4 {
            let (d, m, y) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
            if valid(y, m, d) {
                return Some(iso(y, m, d));
            }
        }
        if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
            let (y, m, d) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
            if valid(y, m, d) {
                return Some(iso(y, m, d));
            }
        }
    }
    None
}

/// Finds an ISO `YYYY-MM-DD` in a text token stream (dashes split the tokens above).
pub(crate) fn find_iso_in_text(text: &str) -> Option<String> {
    let b = text.as_bytes();
    if b.len() < 10 {
        return None;
    }
    for i in 0..=b.len() - 10 {
        let w = &b[i..i + 10];
        if w[4] == b'-'
            && w[7] == b'-'
            && w[..4].iter().all(u8::is_ascii_digit)
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[8..10].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            if let Some(d) = normalize_machine(std::str::from_utf8(w).ok()?) {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_dates_in_four_languages() {
        assert_eq!(
            find_in_text("Опубликовано 17.05.2021 в 10:00").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(
            find_in_text("17 мая 2021 г.").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(
            find_in_text("17 траўня 2021 г.").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(
            find_in_text("17 травня 2021").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(
            find_in_text("Posted May 17, 2021 by").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(find_in_text("17 May 2021").as_deref(), Some("2021-05-17"));
        assert_eq!(
            find_in_text("3 сентября 2019 года").as_deref(),
            Some("2019-09-03")
        );
        assert_eq!(find_in_text("we may 17 times 2021"), None);
    }

    #[test]
    fn machine_dates() {
        assert_eq!(
            normalize_machine("2021-05-17T10:00:00+03:00").as_deref(),
            Some("2021-05-17T10:00:00+03:00")
        );
        assert_eq!(
            normalize_machine("2021/05/17").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(
            normalize_machine("Mon, 17 May 2021 10:00:00 GMT").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(normalize_machine("garbage"), None);
    }
}
