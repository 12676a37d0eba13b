//! Word stemming per language: Snowball (rust-stemmers) where it exists, a light suffix
//! stripper of our own for Belarusian and Ukrainian, and identity for everything else.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// Which reduction a language uses. `Copy` and cheap: the Snowball `Stemmer` is a
/// function pointer, created on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StemKind {
    /// A Snowball algorithm.
    Snowball(Algorithm),
    /// Our Belarusian suffix stripper.
    Belarusian,
    /// Our Ukrainian suffix stripper.
    Ukrainian,
    /// No stemming (language-independent terms, languages without a stemmer).
    Identity,
}

impl StemKind {
    /// The stemmer for a (lowercase, primary-subtag) language code.
    pub(crate) fn for_lang(lang: &str) -> StemKind {
        let alg = match lang {
            "en" => Algorithm::English,
            "ru" => Algorithm::Russian,
            "de" => Algorithm::German,
            "fr" => Algorithm::French,
            "es" => Algorithm::Spanish,
            "it" => Algorithm::Italian,
            "pt" => Algorithm::Portuguese,
            "nl" => Algorithm::Dutch,
            "sv" => Algorithm::Swedish,
            "no" | "nb" | "nn" => Algorithm::Norwegian,
            "da" => Algorithm::Danish,
            "fi" => Algorithm::Finnish,
            "hu" => Algorithm::Hungarian,
            "ro" => Algorithm::Romanian,
            "tr" => Algorithm::Turkish,
            "el" => Algorithm::Greek,
            "ar" => Algorithm::Arabic,
            "ta" => Algorithm::Tamil,
            "be" => return StemKind::Belarusian,
            "uk" => return StemKind::Ukrainian,
            _ => return StemKind::Identity,
        };
        StemKind::Snowball(alg)
    }

    /// A per-call stemmer.
    pub(crate) fn stemmer(self) -> WordStemmer {
        WordStemmer {
            kind: self,
            snowball: match self {
                StemKind::Snowball(alg) => Some(Stemmer::create(alg)),
                _ => None,
            },
        }
    }
}

/// A ready stemmer for one language.
pub(crate) struct WordStemmer {
    kind: StemKind,
    snowball: Option<Stemmer>,
}

impl WordStemmer {
    /// Reduces one folded (lowercase) word.
    pub(crate) fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match (self.kind, &self.snowball) {
            (StemKind::Snowball(_), Some(s)) => s.stem(word),
            (StemKind::Belarusian, _) => slavic(word, BE_SUFFIXES, BE_FINALS, belarusian_onset),
            (StemKind::Ukrainian, _) => slavic(word, UK_SUFFIXES, UK_FINALS, ukrainian_onset),
            _ => Cow::Borrowed(word),
        }
    }

    /// A substring that every folded word reducing to `stem` is guaranteed to contain, for
    /// the block prefilter; empty when no guarantee can be given. `word` is the folded
    /// term word `stem` came from.
    ///
    /// Snowball English and Russian, our stemmers and identity only cut endings, with
    /// known exceptions: English may end a stem in "e" or "i" the word lacks ("hope" from
    /// "hoping", "happi" from "happy"), Belarusian folds "ў" to "у"/"в", Ukrainian turns
    /// "-іст" into "-ост" and maps one-letter words. Other Snowball languages give no
    /// guarantee here.
    pub(crate) fn anchor(&self, word: &str, stem: &str) -> String {
        const EN_IRREGULAR: &[&str] = &[
            "ski", "sky", "die", "lie", "tie", "idl", "gentl", "ugli", "earli", "onli", "singl",
        ];
        let piece = match self.kind {
            StemKind::Identity => stem.to_owned(),
            StemKind::Snowball(Algorithm::Russian) => stem.to_owned(),
            StemKind::Snowball(Algorithm::English) => {
                if EN_IRREGULAR.contains(&stem) {
                    return String::new();
                }
                stem.strip_suffix(['e', 'i']).unwrap_or(stem).to_owned()
            }
            StemKind::Snowball(_) => return String::new(),
            // The prefilter maps "ў" to "в" in Belarusian blocks (see `BE_PREFILTER_MAP`).
            StemKind::Belarusian => {
                if word.chars().count() <= 1 {
                    return String::new();
                }
                stem.strip_prefix('у').unwrap_or(stem).to_owned()
            }
            StemKind::Ukrainian => {
                if word.chars().count() <= 1 {
                    return String::new();
                }
                stem.strip_suffix("ост").unwrap_or(stem).to_owned()
            }
        };
        without_apostrophes(&piece)
    }

    /// Whether `stem` may change the first three letters of `word`, so that a caller's
    /// prefix filter must not be trusted for it.
    pub(crate) fn may_change_prefix(&self, word: &str) -> bool {
        match self.kind {
            StemKind::Belarusian => word.contains('ў') || word == "й",
            StemKind::Ukrainian => word == "у" || word == "й",
            _ => false,
        }
    }
}

/// Inflected forms of a term word whose stems may differ from the dictionary form's, for
/// the languages that need them: Russian ([`russian_variants`]), Belarusian and Ukrainian
/// (the light stemmer strips the longest ending it knows, so "праграму" loses "аму", an
/// adjective ending, and meets "праграма" only through this list). Empty for others.
pub(crate) fn inflected_variants(lang: &str, word: &str) -> Vec<String> {
    let table: fn(char) -> &'static [&'static str] = match lang {
        "ru" => return russian_variants(word),
        "be" => |last| match last {
            'а' => &["ы", "і", "у", "е", "ай", "ой", "ам", "ах"],
            'я' => &["і", "ю", "е", "яй", "ям", "ях"],
            'ь' => &["і", "ю", "ей"],
            'о' | 'е' => &["а", "у", "ам", "ом", "ах"],
            _ => &[],
        },
        "uk" => |last| match last {
            'а' => &["и", "і", "у", "ою", "ам", "ах"],
            'я' => &["і", "ю", "ею", "ям", "ях"],
            'ь' => &["і", "ю"],
            'о' | 'е' => &["а", "у", "ом", "ам", "ах"],
            _ => &[],
        },
        _ => return Vec::new(),
    };
    let chars: Vec<char> = word.chars().collect();
    let Some(&last) = chars.last() else {
        return Vec::new();
    };
    if chars.len() < 4 {
        return Vec::new();
    }
    let consonant = "бвгґджзклмнпрстфхцчшў".contains(last);
    if consonant {
        let endings: &[&str] = if lang == "be" {
            &["а", "у", "ам", "ы", "ом", "аў"]
        } else {
            &["а", "у", "ом", "ам", "и", "ів"]
        };
        return endings.iter().map(|e| format!("{word}{e}")).collect();
    }
    let head: String = chars[..chars.len() - 1].iter().collect();
    table(last).iter().map(|e| format!("{head}{e}")).collect()
}

/// Inflected forms of a Russian noun, built from its dictionary form, whose Snowball stems
/// may differ from the dictionary form's ("подпись" → "подп" but "подписи" → "подпис";
/// "разрыв" → "разр" but "разрыва" → "разрыв"). The matcher maps all their stems to the
/// term word's id.
pub(crate) fn russian_variants(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = word.chars().collect();
    let Some(&last) = chars.last() else {
        return out;
    };
    if chars.len() < 4 {
        return out;
    }
    let head: String = chars[..chars.len() - 1].iter().collect();
    let endings: &[&str] = match last {
        'ь' => &["и", "ью", "ей", "ям"],
        'а' => &["ы", "е", "у", "ой", "ам"],
        'я' => &["и", "ю", "ей", "ям"],
        'о' | 'е' => &["а", "у", "ом", "ам"],
        'й' | 'ы' | 'и' => &[],
        c if "бвгджзклмнпрстфхцчшщ".contains(c) => {
            return ["а", "у", "ом", "ы", "ов", "ам"]
                .iter()
                .map(|e| format!("{word}{e}"))
                .collect();
        }
        _ => &[],
    };
    for e in endings {
        out.push(format!("{head}{e}"));
    }
    out
}

/// The longest piece of `s` between apostrophes (`'`, `’`, `ʼ`): a substring every
/// spelling of the word contains, whichever apostrophe it is written with.
pub(crate) fn without_apostrophes(s: &str) -> String {
    s.split(['\'', '\u{2019}', '\u{02BC}'])
        .max_by_key(|p| p.chars().count())
        .unwrap_or("")
        .to_owned()
}

/// Belarusian euphony: "у"/"ў" and "і"/"й" alternate with the preceding word's ending
/// ("устойлівае развіццё", "мэты ўстойлівага развіцця"); fold to "у" and "і". Inside and
/// at the end of a word "ў" alternates with "в" ("разрыў"/"разрыву", "узроўні"): fold to "в".
fn belarusian_onset(word: &str) -> Option<String> {
    if word == "й" {
        return Some("і".to_owned());
    }
    if !word.contains('ў') {
        return None;
    }
    let rest = word.strip_prefix('ў');
    let body = rest.unwrap_or(word).replace('ў', "в");
    Some(if rest.is_some() {
        format!("у{body}")
    } else {
        body
    })
}

/// Ukrainian euphony: prepositions "в"/"у" and conjunctions "і"/"й" alternate; fold to
/// "в" and "і".
fn ukrainian_onset(word: &str) -> Option<String> {
    match word {
        "у" => Some("в".to_owned()),
        "й" => Some("і".to_owned()),
        _ => None,
    }
}

/// The Belarusian/Ukrainian light stemmer: euphony fold, ending strip, then the fleeting
/// vowel of "-ок"/"-ак" dropped so "розвиток"/"розвитку" and "рынак"/"рынку" meet.
fn slavic<'a>(
    word: &'a str,
    suffixes: &[&str],
    finals: &[char],
    onset: fn(&str) -> Option<String>,
) -> Cow<'a, str> {
    let owned = onset(word);
    let stem = fleeting(strip_suffix(
        owned.as_deref().unwrap_or(word),
        suffixes,
        finals,
    ));
    // Ukrainian і/о alternation of "-ість" nouns: "грамотність" / "грамотності".
    if let Some(base) = stem.strip_suffix("іст") {
        if std::ptr::eq(suffixes, UK_SUFFIXES) && base.chars().count() >= MIN_STEM_CHARS {
            return Cow::Owned(format!("{base}ост"));
        }
    }
    match owned {
        Some(_) => Cow::Owned(stem.to_owned()),
        None => Cow::Borrowed(&word[..stem.len()]),
    }
}

fn fleeting(stem: &str) -> &str {
    const VOWELS: &[char] = &[
        'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є',
    ];
    let n = stem.chars().count();
    let before = |cut: usize| stem[..stem.len() - cut].chars().next_back();
    // "розвиток" → "розвит", "рынак" → "рын" (vowel + к are two 2-byte letters).
    if n >= 5 && (stem.ends_with("ок") || stem.ends_with("ак")) {
        if let Some(c) = before(4) {
            if !VOWELS.contains(&c) {
                return &stem[..stem.len() - 4];
            }
        }
    }
    // "розвитк" (from "розвитку") → "розвит", "рынк" → "рын".
    if n >= 4 && stem.ends_with('к') {
        if let Some(c) = before(2) {
            if !VOWELS.contains(&c) {
                return &stem[..stem.len() - 2];
            }
        }
    }
    stem
}

/// Shortest stem (in chars) the light stemmers leave.
const MIN_STEM_CHARS: usize = 3;

/// Strips the longest listed inflectional ending that leaves at least
/// [`MIN_STEM_CHARS`] characters, then one stem-final soft or iotating letter from
/// `finals`, so that "трансфармацыя" (-я) and "трансфармацыі" (-і) meet at "трансфармац".
fn strip_suffix<'a>(word: &'a str, suffixes: &[&str], finals: &[char]) -> &'a str {
    // Byte offsets of the last 5 char boundaries, nearest the end first.
    let mut cuts = [0usize; 6];
    let mut n = 0;
    for (i, _) in word.char_indices().rev() {
        if n == cuts.len() {
            break;
        }
        cuts[n] = i;
        n += 1;
    }
    let total = if n < cuts.len() {
        n
    } else {
        word.chars().count()
    };
    if total <= MIN_STEM_CHARS {
        return word;
    }
    let mut stem = word;
    // cuts[k-1] is where a k-char suffix starts; try the longest first.
    for k in (1..n.min(6)).rev() {
        if total - k < MIN_STEM_CHARS {
            continue;
        }
        if suffixes.contains(&&word[cuts[k - 1]..]) {
            stem = &word[..cuts[k - 1]];
            break;
        }
    }
    if let Some(last) = stem.chars().next_back() {
        if finals.contains(&last) && stem.chars().count() > MIN_STEM_CHARS {
            stem = &stem[..stem.len() - last.len_utf8()];
        }
    }
    stem
}

/// Belarusian noun and adjective endings (all cases, both numbers, all genders), plus the
/// commonest verb endings.
const BE_SUFFIXES: &[&str] = &[
    "ымі", "імі", "амі", "ямі", "ога", "ага", "яго", "ому", "аму", "яму", "аць", "яць", "іць",
    "ыць", "уць", "юць", "ецца", "ацца", "ая", "яя", "ое", "ее", "ыя", "ія", "ые", "ую", "юю",
    "ае", "яе", "ай", "ой", "ей", "ёй", "яй", "ый", "ій", "ых", "іх", "ым", "ім", "ам", "ям", "ом",
    "ем", "ах", "ях", "ав", "яв", "ов", "ев", "ею", "ію", "ла", "лі", "ло", "а", "я", "у", "ю",
    "ы", "і", "е", "о", "ь", "й",
];

/// Letters that end a Belarusian stem before a vowel ending ("-цыя", "сувязь").
const BE_FINALS: &[char] = &['ы', 'і', 'ь', 'й'];

/// Ukrainian noun and adjective endings, plus the commonest verb endings.
const UK_SUFFIXES: &[&str] = &[
    "ього",
    "ьому",
    "ують",
    "ються",
    "ться",
    "ими",
    "іми",
    "ами",
    "ями",
    "ого",
    "ому",
    "ією",
    "ати",
    "яти",
    "іти",
    "ити",
    "ють",
    "ий",
    "ій",
    "ої",
    "ою",
    "ею",
    "єю",
    "ім",
    "им",
    "их",
    "іх",
    "ам",
    "ям",
    "ом",
    "ем",
    "єм",
    "ах",
    "ях",
    "ів",
    "їв",
    "ей",
    "ія",
    "ії",
    "ію",
    "ья",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "ї",
    "и",
    "е",
    "є",
    "о",
    "ь",
    "й",
];

/// Letters that end a Ukrainian stem before a vowel ending ("-ція", "зв'язок").
const UK_FINALS: &[char] = &['і', 'и', 'ь', 'й', 'ї'];

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(lang: &str, w: &str) -> String {
        StemKind::for_lang(lang).stemmer().stem(w).into_owned()
    }

    #[test]
    fn belarusian_forms_meet() {
        for w in [
            "трансфармацыя",
            "трансфармацыі",
            "трансфармацыю",
            "трансфармацыяй",
        ] {
            assert_eq!(stem("be", w), "трансфармац", "{w}");
        }
        for w in [
            "лічбавая",
            "лічбавай",
            "лічбавую",
            "лічбавыя",
            "лічбавых",
            "лічбавымі",
        ] {
            assert_eq!(stem("be", w), "лічбав", "{w}");
        }
        assert_eq!(stem("be", "сувязь"), stem("be", "сувязі"));
    }

    #[test]
    fn ukrainian_forms_meet() {
        for w in [
            "трансформація",
            "трансформації",
            "трансформацію",
            "трансформацією",
        ] {
            assert_eq!(stem("uk", w), "трансформац", "{w}");
        }
        for w in [
            "цифрова",
            "цифрової",
            "цифрову",
            "цифровою",
            "цифровий",
            "цифрових",
        ] {
            assert_eq!(stem("uk", w), "цифров", "{w}");
        }
    }

    #[test]
    fn euphony_and_fleeting_vowels() {
        assert_eq!(stem("be", "ўстойлівага"), stem("be", "устойлівае"));
        assert_eq!(stem("be", "й"), stem("be", "і"));
        assert_eq!(stem("uk", "у"), stem("uk", "в"));
        assert_eq!(stem("uk", "розвиток"), stem("uk", "розвитку"));
        assert_eq!(stem("uk", "зв'язок"), stem("uk", "зв'язку"));
        assert_eq!(stem("be", "рынак"), stem("be", "рынку"));
        assert_eq!(stem("be", "разрыў"), stem("be", "разрыву"));
        assert_eq!(stem("be", "навыкаў"), stem("be", "навыкі"));
        assert_eq!(stem("be", "пісьменнасць"), stem("be", "пісьменнасці"));
        assert_eq!(stem("uk", "грамотність"), stem("uk", "грамотності"));
        assert_eq!(stem("be", "развіцце"), stem("be", "развіцця"));
    }

    #[test]
    fn russian_variants_cover_snowball_quirks() {
        let s = StemKind::for_lang("ru").stemmer();
        let stems: Vec<String> = russian_variants("подпись")
            .iter()
            .map(|v| s.stem(v).into_owned())
            .collect();
        assert!(stems.contains(&s.stem("подписей").into_owned()));
        let stems: Vec<String> = russian_variants("разрыв")
            .iter()
            .map(|v| s.stem(v).into_owned())
            .collect();
        assert!(stems.contains(&s.stem("разрыва").into_owned()));
    }

    #[test]
    fn anchors_are_substrings_of_inflected_forms() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("en", "hope", &["hoping", "hoped", "hopes"]),
            ("en", "economy", &["economies", "economy"]),
            ("en", "connectivity", &["connectivity"]),
            ("ru", "подпись", &["подписи", "подписью"]),
            ("be", "разрыў", &["разрыву", "разрыў"]),
            ("be", "устойлівае", &["ўстойлівага"]),
            ("uk", "грамотність", &["грамотності", "грамотність"]),
            ("uk", "розвиток", &["розвитку"]),
            ("uk", "зв'язок", &["зв'язку"]),
        ];
        for (lang, word, forms) in cases {
            let st = StemKind::for_lang(lang).stemmer();
            let a = st.anchor(word, &st.stem(word));
            assert!(!a.is_empty(), "{lang} {word}");
            for f in *forms {
                // The prefilter maps ў to в in Belarusian text.
                let f = if *lang == "be" {
                    f.replace('ў', "в")
                } else {
                    f.to_string()
                };
                assert!(f.contains(&a), "{lang}: {f} lacks anchor {a:?} of {word}");
            }
        }
        let st = StemKind::for_lang("uk").stemmer();
        assert_eq!(st.anchor("у", &st.stem("у")), "");
    }

    #[test]
    fn short_words_are_kept() {
        assert_eq!(stem("be", "ші"), "ші");
        assert_eq!(stem("uk", "для"), "для");
    }
}
