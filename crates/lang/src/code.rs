//! Language identities and their codes: whatlang's languages plus Kazakh.

use whatlang::Lang as W;

/// A language the detector can answer: one of whatlang's, or Kazakh, which whatlang
/// lacks and this crate recognises by its letters and suffixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Lang {
    /// A language of whatlang's.
    W(W),
    /// Kazakh (`kk`).
    Kazakh,
}

/// whatlang's ISO 639-3 codes with their ISO 639-1 counterparts (all of them have one).
const ISO1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// Other spellings seen in `html lang` attributes and elsewhere.
const ALIASES: &[(&str, &str)] = &[
    ("zho", "cmn"),
    ("chi", "cmn"),
    ("fas", "pes"),
    ("per", "pes"),
    ("no", "nob"),
    ("nor", "nob"),
    ("fil", "tgl"),
    ("iw", "heb"),
    ("in", "ind"),
    ("ji", "yid"),
    ("ger", "deu"),
    ("fre", "fra"),
    ("cze", "ces"),
    ("slo", "slk"),
    ("dut", "nld"),
    ("gre", "ell"),
    ("rum", "ron"),
    ("mol", "ron"),
    ("arm", "hye"),
    ("geo", "kat"),
    ("mac", "mkd"),
    ("bur", "mya"),
    ("wel", "cym"),
    ("lav", "lav"),
    ("lvs", "lav"),
    ("ekk", "est"),
    ("arb", "ara"),
    ("zsm", "ind"),
    ("uzn", "uzb"),
    ("azj", "aze"),
];

impl Lang {
    /// The code the crate reports: ISO 639-1 where one exists, else ISO 639-3.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::Kazakh => "kk",
            Lang::W(w) => {
                let three = w.code();
                ISO1.iter()
                    .find(|(t, _)| *t == three)
                    .map_or(three, |(_, one)| *one)
            }
        }
    }

    /// Parses a code or a language tag: `ru`, `RU`, `be-BY`, `en_US`, `rus`, `kaz`, `zh-Hans`.
    /// Only the primary subtag counts.
    pub(crate) fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        let primary = primary.to_ascii_lowercase();
        match primary.as_str() {
            "kk" | "kaz" => return Some(Lang::Kazakh),
            "" => return None,
            _ => {}
        }
        let three = if primary.len() == 2 {
            ISO1.iter()
                .find(|(_, one)| *one == primary)
                .map(|(t, _)| *t)
        } else {
            None
        };
        let three = three
            .or_else(|| ALIASES.iter().find(|(a, _)| *a == primary).map(|(_, t)| *t))
            .unwrap_or(primary.as_str());
        W::from_code(three).map(Lang::W)
    }

    /// Every language the detector knows.
    pub(crate) fn all() -> impl Iterator<Item = Lang> {
        W::all()
            .iter()
            .map(|w| Lang::W(*w))
            .chain(std::iter::once(Lang::Kazakh))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whatlang_language_has_a_two_letter_code() {
        for w in W::all() {
            assert_eq!(Lang::W(*w).code().len(), 2, "{w:?}");
        }
    }

    #[test]
    fn parses_tags() {
        assert_eq!(Lang::parse("ru"), Some(Lang::W(W::Rus)));
        assert_eq!(Lang::parse("be-BY"), Some(Lang::W(W::Bel)));
        assert_eq!(Lang::parse("en_US"), Some(Lang::W(W::Eng)));
        assert_eq!(Lang::parse("rus"), Some(Lang::W(W::Rus)));
        assert_eq!(Lang::parse("KK"), Some(Lang::Kazakh));
        assert_eq!(Lang::parse("zh-Hans"), Some(Lang::W(W::Cmn)));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
