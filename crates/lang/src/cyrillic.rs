//! Evidence for the Cyrillic-script languages, gathered in one pass over the text.
//!
//! Three kinds of evidence, all written from knowledge of the languages rather than
//! learnt from any test set:
//! - letters: each language's alphabet has letters the others lack (ў only in
//!   Belarusian; ї, є, ґ only in Ukrainian; ѓ, ќ, ѕ only in Macedonian; ђ, ћ only in
//!   Serbian; ә, ғ, қ, ң, ө, ұ, ү, һ only in Kazakh) and lacks letters the others use
//!   (Belarusian has no и, щ, ъ; Ukrainian no ы, э, ё, ъ; Russian and Bulgarian no і);
//! - apostrophes between letters (Ukrainian, Belarusian) and a Latin `i` typed inside a
//!   Cyrillic word, which Belarusian official text uses for `і`;
//! - frequent words ([`crate::words`]), word endings and spellings typical of each
//!   language (Russian ь after hushing consonants and before vowels, -ский, -ивать;
//!   Ukrainian -ння, -ття, -их after hard consonants; Belarusian hard р, ж, ш, ч and
//!   akanne; Bulgarian and Macedonian articles; Serbian -ог; East Slavic pleophony);
//! - base rates: Russian is written far more than the other languages, so text that
//!   fits Bulgarian, Macedonian or Serbian no better than Russian is Russian.

use crate::words::WORDS;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Number of Cyrillic-script languages scored here.
pub(crate) const N: usize = 7;

/// The Cyrillic-script languages scored here, in score-array order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cyr {
    Ru = 0,
    Uk = 1,
    Be = 2,
    Bg = 3,
    Mk = 4,
    Sr = 5,
    Kk = 6,
}

impl Cyr {
    pub(crate) const ALL: [Cyr; N] = [
        Cyr::Ru,
        Cyr::Uk,
        Cyr::Be,
        Cyr::Bg,
        Cyr::Mk,
        Cyr::Sr,
        Cyr::Kk,
    ];
}

/// Cyrillic words whose endings and spelling are examined; later words count letters only.
const MAX_WORDS: usize = 200;
/// Base rate of Russian among Cyrillic-script text, as a score.
const RU_BASE: f32 = 0.3;
/// Base rates of Bulgarian, Macedonian and Serbian against Russian, as penalties: each is
/// written far less than Russian, so text that fits them no better than Russian is Russian.
/// Kept below whatlang's least vote (`WHATLANG_BASE`), so trigrams still decide between
/// them on text that gives no other evidence.
const SOUTH_BASE: [(Cyr, f32); 3] = [(Cyr::Bg, 0.5), (Cyr::Mk, 0.4), (Cyr::Sr, 0.3)];
/// The base rates on text of three Cyrillic words or more, where they weigh more: there
/// the words have had their say, while single words and pairs are often names and
/// loanwords shared by the languages, which whatlang's trigrams judge better.
const SOUTH_BASE_LONG: f32 = 0.8;
/// Base rates as scores to add to the evidence of a text of `words` Cyrillic words:
/// Russian is by far the most written Cyrillic-script language, so it wins a tie, and
/// Bulgarian, Macedonian and Serbian must fit better than Russian to win. `south`
/// replaces the default penalty of the three (at every length) when given.
pub(crate) fn base_rates(words: usize, south: Option<f32>) -> [f32; N] {
    let mut out = [0.0; N];
    out[Cyr::Ru as usize] = RU_BASE;
    for (l, b) in SOUTH_BASE {
        out[l as usize] = -match south {
            Some(x) => x,
            None if words >= 3 => b.max(SOUTH_BASE_LONG),
            None => b,
        };
    }
    out
}

/// Penalty for one occurrence of a letter a language does not have.
const F: f32 = -5.0;
/// Occurrences of one letter counted at most, so that a quoted name does not outweigh a text.
const LETTER_CAP: u32 = 3;

/// Evidence of one lowercase Cyrillic letter, in `Cyr` order (ru uk be bg mk sr kk).
fn letter_evidence(c: char) -> Option<[f32; N]> {
    Some(match c {
        'ў' => [F, F, 4.0, F, F, F, F],
        'і' => [F, 0.5, 0.5, F, F, F, 0.3],
        'ї' | 'є' | 'ґ' => [F, 4.0, F, F, F, F, F],
        'ы' => [0.3, F, 0.3, F, F, F, 0.3],
        'э' => [0.3, F, 0.5, F, F, F, 0.2],
        'ё' => [0.3, F, 0.3, F, F, F, 0.0],
        'ъ' => [0.0, F, F, 0.5, F, F, -1.0],
        'щ' => [0.0, 0.0, F, 0.2, F, F, -0.5],
        'и' => [0.0, 0.0, -3.0, 0.0, 0.0, 0.0, 0.0],
        'й' | 'ь' | 'ю' | 'я' => [0.0, 0.0, 0.0, 0.0, F, F, 0.0],
        'ј' | 'љ' | 'њ' | 'џ' => [F, F, F, F, 2.0, 2.0, F],
        'ѓ' | 'ќ' | 'ѕ' => [F, F, F, F, 4.0, F, F],
        'ђ' | 'ћ' => [F, F, F, F, F, 4.0, F],
        'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => [F, F, F, F, F, F, 4.0],
        _ => return None,
    })
}

/// Letters with evidence, in a fixed order for counting.
const TRACKED: [char; 33] = [
    'ў', 'і', 'ї', 'є', 'ґ', 'ы', 'э', 'ё', 'ъ', 'щ', 'и', 'й', 'ь', 'ю', 'я', 'ј', 'љ', 'њ', 'џ',
    'ѓ', 'ќ', 'ѕ', 'ђ', 'ћ', 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'о',
];

/// Word endings and what they say, in `Cyr` order (ru uk be bg mk sr kk).
/// Checked on words of at least `len + 2` letters; every matching ending counts.
const ENDINGS: &[(&str, [f32; N])] = &[
    // Russian and Ukrainian genitive -ого/-его; Belarusian has -ага/-ога.
    ("ого", [0.8, 0.8, -0.5, -0.5, -0.5, -0.5, 0.0]),
    ("его", [0.8, 0.3, -0.5, -0.5, -0.5, -0.5, 0.0]),
    ("ага", [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]),
    // Genitive plural -ов: Belarusian has -аў/-оў, Ukrainian mostly -ів.
    ("ов", [0.5, -0.3, -1.5, 0.3, 0.3, 0.0, 0.0]),
    // Russian -ой (instrumental, adjectives), -вших (participles), -тесь (imperative).
    ("ой", [0.8, -0.5, -0.5, -0.8, -1.0, -1.0, 0.0]),
    ("вших", [1.5, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("тесь", [1.0, -0.3, -0.5, -1.0, -1.0, -1.0, 0.0]),
    // Past tense -л: East Slavic (Ukrainian and Belarusian masculine -в/-ў), Bulgarian
    // and Macedonian participles; Serbian has -о.
    ("ал", [0.4, -0.3, -0.5, 0.2, 0.2, -0.5, 0.0]),
    ("ел", [0.4, -1.0, -1.0, 0.2, 0.2, -0.5, 0.0]),
    ("ил", [0.4, -1.0, -1.0, 0.2, 0.2, 0.0, 0.0]),
    ("ял", [0.4, -1.0, -1.0, 0.2, -0.5, -0.5, 0.0]),
    // Locative plural -ах: Bulgarian has no cases (only aorist -ах).
    ("ах", [0.4, 0.3, 0.3, -0.3, -0.5, -0.5, 0.0]),
    // Adjective endings.
    ("ый", [1.2, -1.0, -0.3, -1.0, -1.0, -1.0, 0.0]),
    ("ые", [1.2, -1.0, -0.5, -1.0, -1.0, -1.0, 0.0]),
    ("ое", [1.0, -0.5, -0.5, -0.5, -0.5, -0.5, 0.0]),
    ("ая", [0.6, -0.5, 0.6, -0.3, -0.5, -0.5, 0.0]),
    ("ыя", [-0.5, -1.0, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("ае", [-0.3, -0.5, 1.2, -0.3, -0.3, -0.3, 0.0]),
    ("ий", [0.5, 0.6, -1.0, -0.3, -1.0, -1.0, 0.0]),
    ("ої", [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("ій", [0.0, 1.0, 0.3, 0.0, 0.0, 0.0, 0.0]),
    // Russian -ие/-ия/-ии nouns; Bulgarian shares -ие/-ия; Ukrainian -ія/-ії, Belarusian -ія/-іі.
    ("ие", [0.7, -0.5, -1.0, 0.4, -0.5, -0.5, 0.0]),
    ("ия", [0.5, -0.5, -1.0, 0.6, -0.5, -0.5, 0.0]),
    ("ии", [1.0, -0.5, -1.0, 0.4, -0.5, -0.5, 0.0]),
    ("ей", [0.6, 0.0, -0.3, 0.0, -0.3, -0.3, 0.0]),
    // Russian reflexive -сь after a vowel ("учусь", "боюсь"); Belarusian writes -ся.
    ("юсь", [1.0, 0.3, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("усь", [1.0, 0.3, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Belarusian plural adjectives after velars -кія/-кіх/-кім (Ukrainian -кі, -ких, -ким)
    // and Belarusian and Ukrainian dative -нню.
    ("кія", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("кіх", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("кім", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("нню", [-1.0, 0.8, 1.5, -1.0, -1.0, -1.0, 0.0]),
    // Russian past -ыл (Belarusian -ыў) and participles -нных (Belarusian -ных).
    ("ыл", [1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("нных", [0.5, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Russian locative -ице (Ukrainian -иці, Belarusian -іцы; Serbian genitive -ице).
    ("ице", [0.5, -0.8, -0.5, -0.3, -0.3, 0.8, 0.0]),
    // Past plural -ли: Macedonian writes -ле ("виделе").
    ("ели", [0.0, 0.0, 0.0, 0.0, -0.8, 0.0, 0.0]),
    ("али", [0.0, 0.0, 0.0, 0.0, -0.8, 0.0, 0.0]),
    ("или", [0.0, 0.0, 0.0, 0.0, -0.8, 0.0, 0.0]),
    // Soft feminine adjectives -яя ("средняя"): Russian and Belarusian.
    ("яя", [1.5, -0.5, 1.0, -0.5, -0.5, -0.5, 0.0]),
    // Russian imperfective imperatives -ивай/-ывай (Bulgarian -явай, -ай).
    ("ивай", [1.0, -0.5, -0.5, -0.5, -0.5, -0.5, 0.0]),
    // Belarusian imperatives -іце/-йце and -цеся ("рабіце", "старайцеся"); Russian
    // -ите/-йте, Ukrainian -іть/-йте.
    ("іце", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("йце", [-1.0, -1.0, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("цеся", [-1.0, -1.0, 1.5, -1.0, -1.0, -1.0, 0.0]),
    // Accusative feminine -шую ("большую", "першую"): Russian and Belarusian.
    ("шую", [1.0, -0.8, 1.0, -0.5, -0.5, -0.5, 0.0]),
    // Russian past -ул (Serbian -уо) and imperfective past -ивали/-ывали (Ukrainian -ували).
    ("ул", [0.4, -0.3, -0.5, 0.0, 0.0, -0.5, 0.0]),
    ("ивали", [1.0, -0.5, -1.0, -0.3, -0.3, -0.3, 0.0]),
    ("ывали", [1.0, -0.5, -1.0, -0.3, -0.3, -0.3, 0.0]),
    ("стую", [1.0, -0.8, 1.0, -0.5, -0.5, -0.5, 0.0]),
    // Belarusian instrumental -ннем of nouns in -нне (Ukrainian -нням, Russian -нием).
    ("ннем", [-1.0, -1.0, 1.5, -1.0, -1.0, -1.0, 0.0]),
    // Second person singular: Russian -ешь/-ишь, the others -еш/-иш.
    ("еш", [-1.0, 0.3, 0.3, 0.3, 0.3, 0.3, 0.0]),
    ("иш", [-1.0, 0.3, 0.0, 0.3, 0.3, 0.3, 0.0]),
    // Belarusian dative -аму where Russian and Ukrainian have -ому.
    ("аму", [-0.5, -0.5, 1.2, -0.5, -0.5, -0.5, 0.0]),
    // Instrumental plural -ами/-ями: East Slavic (Belarusian -амі); Bulgarian and
    // Macedonian lost the cases, Serbian has -ама/-има.
    ("ами", [1.0, 0.8, -0.5, -0.5, -0.5, -0.5, 0.0]),
    ("ями", [1.0, 0.8, -0.5, -1.5, -1.5, -1.5, 0.0]),
    // Russian reflexive past -лся/-лись; Ukrainian -вся/-лися, Belarusian -ўся/-ліся.
    ("лся", [1.5, -0.8, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("лись", [1.0, 0.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Russian reflexive infinitives -аться/-яться/-уться (Ukrainian -атися, Belarusian
    // -акца/-цца).
    ("аться", [1.2, -0.3, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("яться", [0.6, 0.3, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("уться", [1.0, -0.3, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Russian plural adjectives after velars and hushing consonants (-кие, -гие, -щие);
    // Ukrainian -кі, Belarusian -кія, Bulgarian -ки, -щи.
    ("кие", [1.2, -1.0, -1.0, -0.8, -1.0, -1.0, 0.0]),
    ("гие", [1.2, -1.0, -1.0, -0.8, -1.0, -1.0, 0.0]),
    ("хие", [1.2, -1.0, -1.0, -0.8, -1.0, -1.0, 0.0]),
    ("щие", [1.2, -1.0, -1.0, -0.8, -1.0, -1.0, 0.0]),
    ("шие", [1.2, -1.0, -1.0, -0.8, -1.0, -1.0, 0.0]),
    ("чие", [1.2, -1.0, -1.0, -0.8, -1.0, -1.0, 0.0]),
    // Russian past active participles -ших (-вших counted above as well).
    ("ших", [1.0, -0.5, -0.5, -1.0, -1.0, -1.0, 0.0]),
    // Nouns in -ност: Russian writes -ность, Ukrainian -ність, Belarusian -насць.
    ("ност", [-1.5, -1.5, -1.5, 0.8, 0.8, 0.8, 0.0]),
    // South Slavic neuter adjectives -ско ("политическо"); Ukrainian -сько.
    ("ско", [-0.5, -0.5, -0.5, 0.8, 0.8, 0.5, 0.0]),
    // Bulgarian definite masculine adjectives -ския, aorist -аха/-яха, 3rd plural -ват.
    ("ския", [-0.5, -0.5, -0.5, 1.5, -0.5, -0.5, 0.0]),
    ("аха", [-0.3, -0.3, -0.3, 1.2, 0.0, -0.3, 0.0]),
    ("яха", [-0.3, -0.3, -0.3, 1.2, -0.5, -0.5, 0.0]),
    ("ват", [-0.5, -0.3, -0.3, 1.0, 0.5, -0.3, 0.0]),
    // Bulgarian and Macedonian plural participles -ени/-ани (Russian -енные).
    ("ени", [-0.3, -0.3, -0.3, 0.4, 0.4, 0.3, 0.0]),
    ("ани", [-0.3, -0.3, -0.3, 0.4, 0.4, 0.3, 0.0]),
    // Macedonian verbs in -ува- with past -увал/-увале and present -уваме.
    ("увал", [-1.0, -0.5, -1.0, -0.5, 1.5, 0.0, 0.0]),
    ("увале", [-1.0, -1.0, -1.0, -0.5, 1.5, -0.5, 0.0]),
    ("уваме", [-1.0, -1.0, -1.0, -0.5, 1.5, -0.5, 0.0]),
    // Serbian adjective genitive -ог ("српског", "новог"); Russian has -ого.
    ("ског", [-1.0, -1.0, -1.0, -1.0, -1.0, 2.0, 0.0]),
    ("ног", [-0.3, -0.3, -0.3, -0.3, -0.3, 1.0, 0.0]),
    ("ког", [-0.3, -0.3, -0.3, -0.3, -0.3, 1.0, 0.0]),
    ("вог", [-0.3, -0.3, -0.3, -0.3, -0.3, 1.0, 0.0]),
    // Serbian feminine plural adjectives -чке/-шке ("политичке").
    ("чке", [-0.3, -0.3, -0.3, -0.3, -0.3, 1.5, 0.0]),
    ("шке", [-0.3, -0.3, -0.3, -0.3, -0.3, 1.5, 0.0]),
    // Agent nouns -тель in Russian (Ukrainian -тель, Belarusian -цель), -тел in the
    // South Slavic languages ("служител", "двигател").
    ("ател", [-1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 0.0]),
    ("ител", [-1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 0.0]),
    // Bulgarian and Macedonian plural adjectives -нни/-рни (Russian -нные, -рные).
    ("нни", [-0.5, -0.3, -0.5, 1.0, 1.0, 0.5, 0.0]),
    ("рни", [-0.3, -0.3, -0.3, 0.5, 0.5, 0.5, 0.0]),
    // Macedonian imperfect -еа/-аа ("пловеа") and aorist first plural -вме.
    ("еа", [-0.5, -0.5, -0.5, -0.3, 1.5, -0.3, 0.0]),
    ("вме", [-0.5, -0.5, -0.5, -0.3, 1.5, -0.3, 0.0]),
    // Serbian first plural -амо/-емо/-имо (Ukrainian -емо, -имо) and nouns in -ац.
    ("амо", [-0.3, -0.3, -0.3, -0.3, -0.3, 1.0, 0.0]),
    ("емо", [-0.5, 0.8, -0.3, -0.3, -0.3, 1.0, 0.0]),
    ("имо", [-0.3, 0.6, -0.3, -0.3, -0.3, 0.8, 0.0]),
    ("ац", [-0.5, -0.3, -0.3, -0.3, -0.3, 1.2, 0.0]),
    ("ске", [-0.2, -0.3, -0.3, -0.3, -0.3, 0.8, 0.0]),
    // Genitive plural adjectives -их after a hard consonant ("простих", "нових"):
    // Ukrainian and Serbian; Russian and Belarusian write -ых there.
    ("тих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("вих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("рих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("дих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("лих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("мих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("бих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("пих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("зих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("сих", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    // Ukrainian -ував/-ували where Russian has -овал/-овали; reflexive -лася/-лися and
    // -юся/-уся (Belarusian likewise) where Russian has -лась/-лись and -юсь/-усь.
    ("ував", [-1.0, 1.5, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ували", [-1.0, 1.5, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("увала", [-1.0, 1.0, -1.0, -0.5, 0.5, -0.5, 0.0]),
    ("лася", [-1.0, 1.5, 1.0, -1.0, -1.0, -1.0, 0.0]),
    ("лося", [-1.0, 1.5, 1.0, -1.0, -1.0, -1.0, 0.0]),
    ("лися", [-1.0, 1.5, 0.0, -1.0, -1.0, -1.0, 0.0]),
    ("юся", [-1.0, 1.0, 1.0, -1.0, -1.0, -1.0, 0.0]),
    ("уся", [-1.0, 1.0, 1.0, -1.0, -1.0, -1.0, 0.0]),
    ("тись", [-0.5, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("тися", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Ukrainian hard-stem adjectives -чний/-чних/-чним where Russian writes -чный,
    // -чных, -чным (Russian soft stems are few: "последний", "древний", "синий").
    ("чний", [-1.0, 1.2, -1.0, -1.0, -1.0, -0.5, 0.0]),
    ("сний", [-1.0, 1.2, -1.0, -1.0, -1.0, -0.5, 0.0]),
    ("рний", [-1.0, 1.2, -1.0, -1.0, -1.0, -0.5, 0.0]),
    ("пний", [-1.0, 1.2, -1.0, -1.0, -1.0, -0.5, 0.0]),
    ("чних", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("сних", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("рних", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("пних", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("вних", [-1.0, 1.2, -1.0, -1.0, -1.0, 1.0, 0.0]),
    ("чним", [-1.0, 1.0, -1.0, -1.0, -1.0, 0.5, 0.0]),
    // Ukrainian third plural -уть/-ять after any consonant ("живуть", "ходять"); Russian
    // has -уть only in infinitives in -нуть, -ять rarely after д, в.
    ("жуть", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("дуть", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("вуть", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("шуть", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("чуть", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("зуть", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("дять", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("вять", [-0.8, 1.2, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Plurals -ри/-пи after a hard consonant: Russian writes -ры, -пы.
    ("ри", [-0.3, 0.6, -0.5, 0.5, 0.5, 0.3, 0.0]),
    ("пи", [-0.8, 0.6, -0.5, 0.3, 0.3, 0.3, 0.0]),
    // Ukrainian reflexive past -вся ("трапився"); Russian -лся, Belarusian -ўся.
    ("вся", [-1.0, 2.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Russian reflexive forms without a Ukrainian or Belarusian match: infinitive -еться,
    // past -лась/-лось, gerunds -ясь and -уя ("надеясь", "следуя").
    ("еться", [1.0, -0.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("лась", [1.0, -0.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("лось", [1.0, -0.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ясь", [1.0, -0.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("уя", [1.0, -0.5, -0.5, -0.5, -0.5, -0.5, 0.0]),
    // Russian and Belarusian accusative feminine adjectives -ную/-вую/-лую/-мую;
    // Ukrainian has -ну, -ву.
    ("ную", [1.0, -0.8, 1.0, -0.5, -0.5, -0.5, 0.0]),
    ("вую", [1.0, -0.8, 1.0, -0.5, -0.5, -0.5, 0.0]),
    ("лую", [1.0, -0.8, 1.0, -0.5, -0.5, -0.5, 0.0]),
    ("мую", [1.0, -0.8, 1.0, -0.5, -0.5, -0.5, 0.0]),
    // Russian imperfectives -ивать/-ывать, -иваю/-ываю (Ukrainian -увати, -ую).
    ("ивать", [1.5, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("иваю", [1.5, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ываю", [1.5, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Russian locative adjectives -ском (Ukrainian -ському, -ськім).
    ("ском", [0.8, -1.0, -0.5, -0.5, -0.5, 0.5, 0.0]),
    // Russian adjectives in -ский; Ukrainian -ський, Belarusian -скі (but -ская, -скую),
    // Bulgarian and Macedonian -ски.
    ("ский", [1.2, -1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ская", [1.0, -1.5, 1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ское", [1.2, -1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ские", [1.2, -1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ских", [1.2, -1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ским", [1.2, -1.5, -1.0, -1.0, -1.0, 0.5, 0.0]),
    ("скую", [1.2, -1.5, 1.2, -1.0, -1.0, -1.0, 0.0]),
    ("скому", [1.2, -1.5, -1.0, -1.0, -1.0, -0.5, 0.0]),
    // Russian locative -ине (Ukrainian -ині, Belarusian -іне) and soft adjectives -ее.
    ("ине", [0.5, 0.0, -0.5, 0.0, 0.0, 0.3, 0.0]),
    ("ее", [1.0, -0.5, -0.5, -0.5, -0.5, -0.5, 0.0]),
    // Ukrainian past -йшов ("прийшов", "знайшов"; Russian -шёл) and first plural
    // reflexive -мося (Russian -мся).
    ("шов", [-1.0, 1.5, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("мося", [-1.0, 1.5, -0.5, -1.0, -1.0, -1.0, 0.0]),
    // Plurals in -ове (Bulgarian, Serbian accusative) and -ови (Macedonian, Serbian).
    ("ове", [-0.5, -0.3, -0.5, 1.0, -0.3, 0.3, 0.0]),
    ("ови", [-0.5, -0.5, -0.5, -0.3, 0.8, 0.8, 0.0]),
    // Verbs: Russian -ешь/-ишь, -тся; Ukrainian -ють, -ться; Belarusian -ць, -цца.
    ("ешь", [2.0, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ишь", [2.0, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("тся", [1.5, -0.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ться", [0.3, 0.8, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ють", [-1.0, 2.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Ukrainian 3rd plural reflexive -ються; Russian writes -ются.
    ("ються", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ют", [1.0, -1.0, 0.0, -0.5, -0.5, -0.5, 0.0]),
    ("ать", [1.0, 0.2, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ять", [0.8, 0.4, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ить", [0.8, 0.4, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("еть", [0.8, 0.0, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ыть", [1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ость", [1.2, -0.5, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ць", [-1.0, -0.5, 1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ець", [0.0, 1.2, -0.8, 0.0, 0.0, 0.0, 0.0]),
    ("цца", [-1.0, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("ти", [0.0, 0.6, 0.0, 0.0, 0.0, 0.4, 0.0]),
    ("ати", [-0.3, 0.6, -0.5, -0.3, 0.0, 0.6, 0.0]),
    ("ити", [-0.3, 0.6, -0.5, -0.3, 0.0, 0.6, 0.0]),
    // Ukrainian past -ав/-ив; also Russian perfective gerunds ("прожив").
    ("ав", [0.0, 0.8, -0.5, 0.0, -0.3, -0.3, 0.0]),
    ("яв", [-0.5, 1.0, -0.5, -0.3, -0.3, -0.3, 0.0]),
    ("ив", [0.0, 0.8, -0.5, 0.0, -0.3, -0.3, 0.0]),
    ("ів", [0.0, 1.5, 0.0, 0.0, 0.0, 0.0, 0.0]),
    // Ukrainian instrumental -ою and -ним/-ким where Russian has -ой and -ным.
    ("ою", [-0.3, 1.2, 0.2, -0.5, -0.5, -0.5, 0.0]),
    ("ним", [-0.3, 0.7, -0.5, -0.3, -0.3, -0.3, 0.0]),
    // Nouns: -ння (uk, be), -нне/-нні (be), -ение/-ание (ru, bg).
    ("ння", [-1.0, 1.2, 0.8, -1.0, -1.0, -1.0, 0.0]),
    ("нне", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("ение", [0.8, -1.0, -1.0, 0.6, -1.0, -1.0, 0.0]),
    ("ание", [0.8, -1.0, -1.0, 0.3, -1.0, -1.0, 0.0]),
    // Bulgarian and Macedonian definite articles and endings.
    ("ът", [-1.5, -1.0, -1.0, 2.5, -1.0, -1.0, 0.0]),
    // Third plural -ят: Russian; Ukrainian writes -ять. Bulgarian article -ят.
    ("ят", [0.5, -0.5, -0.5, 0.8, -1.0, -1.0, 0.0]),
    ("ите", [0.4, -0.5, -0.5, 0.9, 0.6, -0.3, 0.0]),
    ("ата", [-0.3, -0.5, -0.3, 0.8, 0.8, -0.3, 0.0]),
    ("ото", [-0.3, -0.3, -0.3, 0.8, 0.8, -0.3, 0.0]),
    ("ето", [-0.3, -0.3, -0.3, 0.6, 0.6, -0.3, 0.0]),
    ("ване", [-1.0, -1.0, -1.0, 2.0, -0.5, -0.5, 0.0]),
    ("ане", [-0.5, -0.5, -0.5, 0.8, 0.0, -0.3, 0.0]),
    ("ене", [-0.5, -0.5, -0.5, 0.8, 0.0, -0.3, 0.0]),
    ("ски", [0.0, -0.5, 0.3, 0.6, 0.6, 0.3, 0.0]),
    ("ска", [0.0, -0.3, 0.3, 0.5, 0.5, 0.3, 0.0]),
    ("от", [-0.3, -0.3, -0.3, -0.3, 1.0, 0.0, 0.0]),
    ("ува", [-0.5, 0.3, -0.5, -0.3, 1.0, 0.0, 0.0]),
    // Serbian keeps the cases Macedonian and Bulgarian lost: -ом, -ој, -ама, -има.
    ("ији", [-1.0, -1.0, -1.0, -1.0, -0.5, 1.5, 0.0]),
    ("ом", [0.4, 0.3, 0.3, -0.3, -0.8, 0.5, 0.0]),
    ("ој", [0.0, 0.0, 0.0, 0.0, -0.5, 1.2, 0.0]),
    ("ама", [-0.2, -0.2, -0.2, -0.3, -0.5, 0.8, 0.0]),
    ("има", [0.0, 0.0, 0.0, -0.3, -0.5, 0.8, 0.0]),
    ("ао", [-0.5, -0.5, -0.5, -0.5, -0.3, 1.5, 0.0]),
    // Kazakh case endings and verb forms without Kazakh-only letters.
    ("ынан", [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 2.5]),
    ("ының", [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 2.5]),
    ("лар", [-0.3, -0.3, -0.3, -0.3, -0.3, -0.3, 1.2]),
    ("дар", [-0.3, -0.3, -0.3, -0.3, -0.3, -0.3, 1.0]),
    ("тар", [-0.3, -0.3, -0.3, -0.3, -0.3, -0.3, 0.8]),
    ("лары", [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 2.0]),
    ("дары", [-1.0, -1.0, 0.0, -1.0, -1.0, -1.0, 1.5]),
    ("тары", [-1.0, -1.0, 0.0, -1.0, -1.0, -1.0, 1.5]),
    ("ларда", [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 2.0]),
    ("ып", [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 2.0]),
    ("ау", [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 1.5]),
    ("ыз", [-0.5, -1.0, -0.5, -1.0, -1.0, -1.0, 1.0]),
    ("сын", [-0.5, -0.5, -0.5, -0.5, -0.5, -0.5, 1.0]),
    ("ын", [0.0, -0.3, 0.0, -0.3, -0.3, -0.3, 0.6]),
    ("нан", [-0.3, -0.3, -0.3, -0.3, -0.3, -0.3, 0.8]),
    ("дан", [-0.3, -0.3, -0.3, -0.3, -0.3, -0.3, 0.8]),
    ("тан", [-0.3, -0.3, -0.3, -0.3, -0.3, -0.3, 0.6]),
    ("ды", [0.0, -0.5, 0.0, -0.5, -0.5, -0.5, 0.5]),
];

/// Letters of the longest ending in `ENDINGS`.
const MAX_ENDING: usize = 5;

/// `ENDINGS` by ending, for one lookup per suffix length.
static ENDING_MAP: LazyLock<HashMap<&'static str, [f32; N]>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, [f32; N]> = HashMap::new();
    for (end, ev) in ENDINGS {
        let e = map.entry(end).or_insert([0.0; N]);
        for (a, b) in e.iter_mut().zip(ev) {
            *a += b;
        }
    }
    map
});

/// Letter sequences inside a word and what they say, in `Cyr` order.
const INFIXES: &[(&str, [f32; N])] = &[
    // Ukrainian soft sign before о and -ськ-/-цьк-.
    ("ьо", [-0.5, 1.2, -1.5, 0.0, -1.0, -1.0, 0.0]),
    // Belarusian classical spelling marks softness before a consonant: "ньн", "сьл".
    ("ньн", [-1.5, -1.5, 2.0, -1.5, -1.5, -1.5, 0.0]),
    ("сьл", [-1.5, -1.5, 2.0, -1.5, -1.5, -1.5, 0.0]),
    ("зьв", [-1.5, -1.5, 2.0, -1.5, -1.5, -1.5, 0.0]),
    ("ськ", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("зьк", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("цьк", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Belarusian дз (from palatalised д) and цц; ц is hard in Belarusian, so ц + ь is
    // the soft т of Russian ("бацька", "рабіць").
    ("дз", [-1.0, -0.8, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("цц", [-1.0, -1.0, 1.5, -1.0, -1.0, -1.0, 0.0]),
    // Russian ц is always hard; Belarusian ц (from soft т) takes я, ю, ё, і; -цыя etc.
    ("ця", [-1.5, 0.5, 2.0, -0.5, -1.0, -1.0, 0.0]),
    ("цю", [-1.5, 0.5, 2.0, -0.5, -1.0, -1.0, 0.0]),
    ("цё", [-1.5, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("цыя", [-1.0, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("цый", [-1.0, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("цыі", [-1.0, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    // Belarusian сц where Russian has ст before a soft vowel ("месца", "якасць").
    ("сці", [-1.0, 0.0, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("сця", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("сцю", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("сць", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    ("сцей", [-1.0, -0.5, 1.5, -1.0, -1.0, -1.0, 0.0]),
    // Double а: Belarusian akanne turns Russian оо into аа ("каардынатар").
    ("аа", [-1.0, -0.5, 1.2, -0.5, -0.5, -0.5, 0.0]),
    // Belarusian шч where Russian and Ukrainian have щ.
    ("шч", [-1.0, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("ць", [-1.0, 0.0, 1.2, -1.0, -1.0, -1.0, 0.0]),
    // Russian spells жи, ши, чи; Belarusian жы, шы, чы.
    ("жы", [-2.5, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("шы", [-2.5, -1.0, 2.0, -1.0, -1.0, -1.0, 0.5]),
    ("чы", [-2.5, -1.0, 2.0, -1.0, -1.0, -1.0, 0.0]),
    ("цы", [0.0, -1.0, 1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ры", [0.0, -1.0, 0.6, -1.0, -1.0, -1.0, 0.3]),
    // Russian separating ь before a vowel ("статья", "компьютер", "матерью");
    // Ukrainian and Belarusian write an apostrophe or a double consonant there.
    ("ья", [1.5, -1.5, -1.5, 0.0, 0.0, 0.0, 0.0]),
    ("ье", [1.5, -1.5, -1.5, 0.0, 0.0, 0.0, 0.0]),
    ("ью", [1.5, -1.5, -1.5, 0.0, 0.0, 0.0, 0.0]),
    ("ьи", [1.5, -1.5, -1.5, 0.0, 0.0, 0.0, 0.0]),
    ("ьё", [1.5, -1.5, -1.5, 0.0, 0.0, 0.0, 0.0]),
    // Ukrainian (and Belarusian) long soft consonants before я: "життя", "щастя",
    // "зусилля"; Russian writes -тье, -стье, -лье.
    ("ття", [-1.0, 1.5, 0.5, -1.0, -1.0, -1.0, 0.0]),
    ("ччя", [-1.0, 1.5, -0.5, -1.0, -1.0, -1.0, 0.0]),
    ("лля", [-1.0, 1.5, 0.5, -1.0, -1.0, -1.0, 0.0]),
    ("сся", [-1.0, 1.5, 0.5, -1.0, -1.0, -1.0, 0.0]),
    ("ддя", [-1.0, 1.5, -0.5, -1.0, -1.0, -1.0, 0.0]),
    ("жжя", [-1.0, 1.5, -0.5, -1.0, -1.0, -1.0, 0.0]),
    ("ззя", [-1.0, 1.5, 0.5, -1.0, -1.0, -1.0, 0.0]),
    ("ттю", [-1.0, 1.5, -0.5, -1.0, -1.0, -1.0, 0.0]),
    ("ллю", [-1.0, 1.5, 0.5, -1.0, -1.0, -1.0, 0.0]),
    // Verbal nouns: Belarusian -аванне, Ukrainian -ування, Russian -ование.
    ("аванн", [-1.0, -0.3, 1.2, -1.0, -1.0, -1.0, 0.0]),
    ("уванн", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Ukrainian participles -ований/-ованого/-ованих with one н; Russian -ованный.
    ("ований", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ованого", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ованих", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    ("ованим", [-1.0, 1.5, -1.0, -1.0, -1.0, -1.0, 0.0]),
    // Ukrainian при-/ви- before й ("прийшов", "прийняти", "вийшла"); Russian
    // "пришёл", "принять", "вышла".
    ("ийш", [-1.0, 1.5, -1.0, -0.5, -0.5, -0.5, 0.0]),
    ("ийн", [-0.5, 1.0, -1.0, -0.5, -0.5, -0.5, 0.0]),
    // Russian present participles -ющий/-ящий/-ущий (Ukrainian -учий, Belarusian -учы).
    ("ющ", [1.2, -0.5, -1.0, -0.5, 0.0, 0.0, 0.0]),
    ("ущ", [0.8, -0.3, -1.0, -0.3, 0.0, 0.0, 0.0]),
    ("ящ", [1.0, -0.5, -1.0, 0.0, 0.0, 0.0, 0.0]),
    // Nouns in -цтва/-цтво (Belarusian "мастацтва", Ukrainian "мистецтво"; Russian
    // -чество, -тство).
    ("цтв", [-1.0, 1.0, 1.0, -0.5, -0.5, -0.5, 0.0]),
    // Russian diminutives -ушка ("девушка", "бабушка").
    ("ушк", [1.0, 0.3, -0.5, -0.3, -0.3, -0.3, 0.0]),
    // Russian (and Belarusian) superlatives -айший/-ейший (Ukrainian най- ... -іший).
    ("айш", [0.6, -0.3, 0.0, -0.5, -0.5, -0.5, 0.0]),
    ("ейш", [1.0, -0.8, 1.0, -0.5, -0.5, -0.5, 0.0]),
    // Church Slavonic жд in Russian and Bulgarian ("между", "награждён"); Ukrainian and
    // Belarusian дж, Macedonian ѓ, Serbian ђ.
    ("жд", [1.0, -1.0, -1.0, 0.5, -1.0, -0.5, 0.0]),
    // Belarusian participles have one н ("дадзеных"); нн mostly in nouns in -нне.
    ("нны", [0.3, -0.5, -0.5, 0.0, 0.0, 0.0, 0.0]),
    ("нно", [0.3, -0.3, -1.5, 0.0, 0.0, 0.0, 0.0]),
    // Reflexive -ся/-сь is East Slavic; Bulgarian and Macedonian write a separate се.
    ("ся", [0.5, 0.5, 0.5, -1.0, -1.0, -1.0, 0.0]),
    ("ась", [0.8, 0.5, 0.5, -1.5, -1.0, -1.0, 0.0]),
];

/// For each letter а..я, the `INFIXES` (as bits) that start with it.
static INFIX_BY_FIRST: LazyLock<[u64; 32]> = LazyLock::new(|| {
    let mut t = [0u64; 32];
    for (i, (inf, _)) in INFIXES.iter().enumerate() {
        if let Some(k) = inf
            .chars()
            .next()
            .and_then(|c| (c as usize).checked_sub(0x430))
            .filter(|k| *k < 32)
        {
            t[k] |= 1 << i;
        }
    }
    t
});

/// What one pass over a text found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    /// Letters of any script.
    pub(crate) letters: usize,
    /// Cyrillic letters, counting a Latin `i` inside a Cyrillic word as Cyrillic.
    pub(crate) cyrillic: usize,
    /// Latin letters outside Cyrillic words.
    pub(crate) latin: usize,
    /// Latin `i`/`I` typed inside Cyrillic words, among the `examined` bytes.
    pub(crate) latin_i: usize,
    /// Evidence per language, in `Cyr` order.
    pub(crate) evidence: [f32; N],
    /// Cyrillic words seen (counted up to one past `MAX_WORDS`).
    pub(crate) words: usize,
    /// Bytes of the text read word by word, up to the end of that last word; past them
    /// only letters are counted, and a Latin `i` there is Latin.
    examined: usize,
    /// Languages, by bit over `Cyr`, whose alphabet lacks a letter of the text (ў rules out
    /// all but Belarusian, ї all but Ukrainian, і Russian and the South Slavic ones, ...):
    /// the letters with a penalty `F` in `letter_evidence`. A Latin `i` the scan reads as
    /// `і` counts as `і` here too.
    pub(crate) ruled_out: u32,
    /// Whether an examined word looks like a word: two different letters or more, and a
    /// vowel (or a syllabic р between consonants). Text without one ("ЙЙЙЙ", "аааа",
    /// "СССР") is not handed to lingua.
    pub(crate) has_real_word: bool,
    /// The previous word was "во" or "со", which Russian writes only before a consonant
    /// cluster ("во время", "со мной") and Macedonian before any word.
    after_vo: bool,
}

/// Lowercases a Cyrillic letter (U+0400..U+04FF) without tables.
fn lower_cyrillic(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x0410..=0x042F => u + 0x20,
        0x0400..=0x040F => u + 0x50,
        0x0460..=0x04FF if u % 2 == 0 && !(0x0482..=0x0489).contains(&u) && u != 0x04C0 => u + 1,
        0x04C0 => 0x04CF,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'і' | 'ї' | 'є'
    )
}

fn is_consonant(c: char) -> bool {
    matches!(
        c,
        'б' | 'в'
            | 'г'
            | 'д'
            | 'ж'
            | 'з'
            | 'к'
            | 'л'
            | 'м'
            | 'н'
            | 'п'
            | 'р'
            | 'с'
            | 'т'
            | 'ф'
            | 'х'
            | 'ц'
            | 'ч'
            | 'ш'
    )
}

/// Whether `w` has a doubled consonant other than across a prefix (дд, жж, зз, вв).
fn has_double_consonant(w: &str) -> bool {
    let mut prev = ' ';
    for c in w.chars() {
        if c == prev && matches!(c, 'н' | 'с' | 'л' | 'м' | 'п' | 'т' | 'к' | 'ф' | 'р') {
            return true;
        }
        prev = c;
    }
    false
}

/// Whether `w` has a doubled consonant of a loanword: пп, мм, кк, рр, фф anywhere, or сс,
/// лл, тт followed by a hard vowel, a consonant or the end of the word (before a soft
/// vowel they are Ukrainian and Belarusian long consonants: "колосся", "вяселле").
fn has_hard_double(w: &str) -> bool {
    let mut prev = ' ';
    let mut pending = false;
    for c in w.chars() {
        if pending {
            if matches!(c, 'а' | 'о' | 'у' | 'ы' | 'э') || is_consonant(c) {
                return true;
            }
            pending = false;
        }
        if c == prev && matches!(c, 'п' | 'м' | 'к' | 'р' | 'ф') {
            // Never lengthened in Ukrainian or Belarusian.
            return true;
        }
        if c == prev && matches!(c, 'с' | 'л' | 'т') {
            pending = true;
        }
        prev = c;
    }
    pending
}

/// Whether `w` has a consonant, then оро or оло, then a consonant.
fn pleophony(w: &str) -> bool {
    let mut win = [' '; 5];
    for c in w.chars() {
        win = [win[1], win[2], win[3], win[4], c];
        if is_consonant(win[0])
            && win[1] == 'о'
            && matches!(win[2], 'р' | 'л')
            && win[3] == 'о'
            && is_consonant(win[4])
        {
            return true;
        }
    }
    false
}

/// Whether a word of `cyr` Cyrillic letters (`strong` of them other than х, с, м, which
/// look like Roman numerals), `latin_i` Latin `i` and `other` other letters is a Cyrillic
/// word whose Latin `i` stands for `і`: "ХХIII" is a Roman numeral typed with Cyrillic Х,
/// not Belarusian, and a word of mostly Latin letters is not Cyrillic.
fn reads_latin_i(cyr: usize, strong: usize, latin_i: usize, other: usize) -> bool {
    latin_i > 0 && cyr > 0 && other <= cyr && strong >= 2
}

/// `text` with each Latin `i`/`I` that the scan reads as `і` (see [`Scan::latin_i`])
/// replaced by Cyrillic `і`/`І`, so that whatlang and lingua see what the scan saw: in
/// the words of its first `examined` bytes ([`Scan::examined`]), split as the scan splits
/// them; the rest is copied as it is.
fn fix_latin_i(text: &str, examined: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // `text` may be a start of the scanned text, shorter than what the scan examined.
    let (text, rest) = text.split_at(examined.min(text.len()));
    let (mut start, mut cyr, mut strong, mut latin_i, mut other) = (0, 0, 0, 0, 0);
    let mut split = Splitter::default();
    let flush = |out: &mut String, word: &str, convert: bool| {
        if convert {
            out.extend(word.chars().map(|c| match c {
                'i' => 'і',
                'I' => 'І',
                c => c,
            }));
        } else {
            out.push_str(word);
        }
    };
    for (pos, c) in text.char_indices() {
        match split.step(c) {
            Piece::Letter { cyrillic: true, .. } => {
                cyr += 1;
                if !matches!(lower_cyrillic(c), 'х' | 'с' | 'м') {
                    strong += 1;
                }
            }
            Piece::Letter { .. } if c == 'i' || c == 'I' => latin_i += 1,
            Piece::Letter { .. } => other += 1,
            Piece::Apostrophe => {}
            Piece::End => {
                flush(
                    &mut out,
                    &text[start..pos],
                    reads_latin_i(cyr, strong, latin_i, other),
                );
                out.push(c);
                start = pos + c.len_utf8();
                (cyr, strong, latin_i, other) = (0, 0, 0, 0);
            }
        }
    }
    flush(
        &mut out,
        &text[start..],
        reads_latin_i(cyr, strong, latin_i, other),
    );
    out.push_str(rest);
    out
}

/// Whether a lowercase word looks like a word rather than a letter repeated, an
/// abbreviation or a keyboard run: two different letters or more, and a vowel of any of
/// the languages here or a syllabic р between consonants ("срп", "врх").
fn looks_like_a_word(w: &str) -> bool {
    let mut chars = w.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return false;
    };
    if !w.chars().any(|c| c.is_alphabetic() && c != first) {
        return false;
    }
    let mut prev = ' ';
    let mut prev2 = ' ';
    for c in w.chars() {
        // Also the Bulgarian ъ, the Kazakh vowels and the accented ѐ, ѝ.
        if is_vowel(c)
            || matches!(c, 'ъ' | 'ә' | 'ө' | 'ұ' | 'ү' | 'ѐ' | 'ѝ')
            || (prev == 'р' && is_consonant(prev2) && is_consonant(c))
        {
            return true;
        }
        prev2 = prev;
        prev = c;
    }
    false
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '‘' | '»')
}

/// How the scan (and [`fix_latin_i`] after it) splits text into words, one character at
/// a time: a word is a run of letters of any script, with single apostrophes between
/// letters once it has a Cyrillic letter ("п'ять", "сям'я"); any other character ends it.
#[derive(Default)]
struct Splitter {
    /// The word so far has a Cyrillic letter.
    cyrillic: bool,
    /// The last character was an apostrophe inside the word.
    apostrophe: bool,
}

/// What one character is to the word being split.
enum Piece {
    /// A letter, Cyrillic or not; `after_apostrophe` when an apostrophe inside the word
    /// came just before it.
    Letter {
        cyrillic: bool,
        after_apostrophe: bool,
    },
    /// An apostrophe that may join two letters; it belongs to the word only if a letter
    /// follows.
    Apostrophe,
    /// Not part of a word: the word so far, if any, ends before it.
    End,
}

impl Splitter {
    fn step(&mut self, c: char) -> Piece {
        if is_cyrillic(c) && c.is_alphabetic() {
            self.cyrillic = true;
            Piece::Letter {
                cyrillic: true,
                after_apostrophe: std::mem::take(&mut self.apostrophe),
            }
        } else if c.is_alphabetic() {
            Piece::Letter {
                cyrillic: false,
                after_apostrophe: std::mem::take(&mut self.apostrophe),
            }
        } else if is_apostrophe(c) && self.cyrillic && !self.apostrophe {
            self.apostrophe = true;
            Piece::Apostrophe
        } else {
            *self = Splitter::default();
            Piece::End
        }
    }
}

/// The word being built during a scan.
#[derive(Default)]
struct WordBuf {
    /// Lowercase letters, Latin `i` kept as is until the word ends.
    text: String,
    cyr: usize,
    /// Cyrillic letters other than those that look like Roman numerals (Х, С, М).
    cyr_strong: usize,
    latin_i: usize,
    latin_other: usize,
    apostrophes: usize,
    /// The word starts with a capital letter (a name, or the start of a sentence).
    capital: bool,
}

impl WordBuf {
    fn reset(&mut self) {
        self.text.clear();
        self.cyr = 0;
        self.cyr_strong = 0;
        self.latin_i = 0;
        self.latin_other = 0;
        self.apostrophes = 0;
        self.capital = false;
    }
}

impl Scan {
    /// `text` (this scan's text, or a start of it) with [`fix_latin_i`] applied when the
    /// scan found a Latin `i` inside Cyrillic words; borrowed unchanged otherwise.
    pub(crate) fn with_cyrillic_i<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.latin_i > 0 {
            Cow::Owned(fix_latin_i(text, self.examined))
        } else {
            Cow::Borrowed(text)
        }
    }

    /// Scans `text` once: counts letters by script, builds lowercase words (only words
    /// with Cyrillic letters are looked at further) and sums the evidence.
    pub(crate) fn new(text: &str) -> Scan {
        let mut scan = Scan::default();
        let mut counts = [0u32; 256];
        let mut word = WordBuf::default();
        let mut split = Splitter::default();
        scan.examined = text.len();
        for (pos, c) in text.char_indices() {
            match split.step(c) {
                Piece::Letter {
                    cyrillic: true,
                    after_apostrophe,
                } => {
                    if after_apostrophe {
                        word.apostrophes += 1;
                        word.text.push('\'');
                    }
                    let l = lower_cyrillic(c);
                    if word.text.is_empty() {
                        word.capital = l != c;
                    }
                    word.text.push(l);
                    word.cyr += 1;
                    if !matches!(l, 'х' | 'с' | 'м') {
                        word.cyr_strong += 1;
                    }
                }
                Piece::Letter { .. } if c == 'i' || c == 'I' => {
                    word.text.push('i');
                    word.latin_i += 1;
                }
                // Other non-Cyrillic letters are only counted: a word of them is not
                // looked up, and a mixed word is not a listed word either.
                Piece::Letter { .. } => word.latin_other += 1,
                Piece::Apostrophe => {}
                Piece::End => {
                    scan.end_word(&mut word, &mut counts);
                    if scan.words > MAX_WORDS {
                        scan.examined = pos;
                        break;
                    }
                }
            }
        }
        scan.end_word(&mut word, &mut counts);
        let tail = &text[scan.examined..];
        // Past the examined words only letters are counted, in a tight loop.
        for c in tail.chars() {
            if is_cyrillic(c) && c.is_alphabetic() {
                let l = lower_cyrillic(c) as usize;
                if (0x400..0x500).contains(&l) {
                    counts[l - 0x400] += 1;
                }
                scan.cyrillic += 1;
                scan.letters += 1;
            } else if c.is_alphabetic() {
                scan.latin += 1;
                scan.letters += 1;
            }
        }
        for &c in TRACKED.iter() {
            let n = counts[(c as usize - 0x400) & 0xFF];
            if n == 0 {
                continue;
            }
            if let Some(ev) = letter_evidence(c) {
                let n = n.min(LETTER_CAP) as f32;
                for (i, (e, w)) in scan.evidence.iter_mut().zip(ev).enumerate() {
                    *e += w * n;
                    if w == F {
                        scan.ruled_out |= 1 << i;
                    }
                }
            }
        }
        // Letters a language writes often: their absence from a text of some length
        // speaks against it (about n * ln(1 - p) for a combined letter share p).
        let n = scan.cyrillic as f32;
        let count = |cs: &[char]| {
            cs.iter()
                .map(|c| counts[(*c as usize - 0x400) & 0xFF])
                .sum::<u32>()
        };
        let absent = [
            (Cyr::Uk, count(&['і', 'ї', 'є']), 0.035, 3.0),
            (Cyr::Be, count(&['і', 'ы', 'ў']), 0.06, 4.0),
            (Cyr::Bg, count(&['ъ']), 0.025, 3.0),
            (Cyr::Sr, count(&['ј', 'ђ', 'ћ', 'љ', 'њ', 'џ']), 0.03, 3.0),
            (
                Cyr::Mk,
                count(&['ј', 'ѓ', 'ќ', 'ѕ', 'љ', 'њ', 'џ']),
                0.02,
                3.0,
            ),
            (
                Cyr::Kk,
                count(&['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ']),
                0.07,
                6.0,
            ),
        ];
        for (lang, found, p, cap) in absent {
            if found == 0 {
                scan.evidence[lang as usize] += (n * (1.0f32 - p).ln()).max(-cap);
            }
        }
        // Belarusian writes unstressed о as а (akanne): on a text of some length a low
        // share of о against а speaks for Belarusian, a high one against it.
        let o = counts['о' as usize - 0x400] as f32;
        if scan.cyrillic >= 40 {
            let share = o / scan.cyrillic as f32;
            if share < 0.06 {
                scan.evidence[Cyr::Be as usize] += 1.5;
            } else if share > 0.085 {
                scan.evidence[Cyr::Be as usize] -= 1.5;
            }
        }
        scan
    }

    fn end_word(&mut self, word: &mut WordBuf, counts: &mut [u32; 256]) {
        if word.text.is_empty() && word.latin_other == 0 {
            return;
        }
        let letters = word.cyr + word.latin_i + word.latin_other;
        self.letters += letters;
        // A Latin i counts as Cyrillic only inside a real Cyrillic word (`reads_latin_i`).
        if word.cyr == 0
            || word.latin_other > word.cyr
            || (word.latin_i > 0
                && !reads_latin_i(word.cyr, word.cyr_strong, word.latin_i, word.latin_other))
        {
            self.latin += word.latin_i + word.latin_other;
            self.cyrillic += word.cyr;
            word.reset();
            return;
        }
        self.cyrillic += word.cyr + word.latin_i;
        self.latin += word.latin_other;
        if word.latin_i > 0 {
            self.latin_i += word.latin_i;
            word.text = word.text.replace('i', "і");
        }
        for c in word.text.chars() {
            let u = c as usize;
            if (0x400..0x500).contains(&u) {
                counts[u - 0x400] += 1;
            }
        }
        if word.apostrophes > 0 {
            // An apostrophe between letters: Ukrainian and Belarusian, never Russian.
            let n = word.apostrophes as f32;
            let ev = [-3.0, 1.2, 1.2, -3.0, -3.0, -3.0, -1.0];
            for (e, w) in self.evidence.iter_mut().zip(ev) {
                *e += w * n;
            }
        }
        // Word-level evidence from the first words is plenty; past them only letters
        // are counted, which keeps long pages cheap.
        self.words += 1;
        if self.words > MAX_WORDS {
            word.reset();
            return;
        }
        let w = word.text.as_str();
        self.has_real_word = self.has_real_word || looks_like_a_word(w);
        if std::mem::take(&mut self.after_vo) {
            let mut cs = w.chars();
            let (a, b) = (cs.next(), cs.next());
            let cluster = a.is_some_and(|a| matches!(a, 'в' | 'ф' | 'с' | 'з'))
                || (a.is_some_and(is_consonant) && b.is_some_and(|b| is_consonant(b) || b == 'ь'));
            if !cluster {
                self.evidence[Cyr::Ru as usize] -= 2.0;
                self.evidence[Cyr::Mk as usize] += 1.0;
            }
        }
        self.after_vo = w == "во" || w == "со";
        let listed = WORDS.get(w);
        if let Some(ev) = listed {
            for (e, x) in self.evidence.iter_mut().zip(ev) {
                *e += x;
            }
        }
        {
            let chars = word.cyr + word.latin_i;
            if listed.is_none() {
                // Every suffix of 2..=MAX_ENDING letters that leaves at least two letters
                // before it, looked up in the table of endings.
                let mut k = 0;
                for (pos, _) in w.char_indices().rev() {
                    k += 1;
                    if k > MAX_ENDING || chars < k + 2 {
                        break;
                    }
                    if k >= 2 {
                        if let Some(ev) = ENDING_MAP.get(&w[pos..]) {
                            for (e, x) in self.evidence.iter_mut().zip(ev) {
                                *e += x;
                            }
                        }
                    }
                }
            }
            // Each listed sequence counts once per word; candidates by first letter.
            let mut found = 0u64;
            for (pos, c) in w.char_indices() {
                let Some(k) = (c as usize).checked_sub(0x430).filter(|k| *k < 32) else {
                    continue;
                };
                let mut cand = INFIX_BY_FIRST[k] & !found;
                while cand != 0 {
                    let b = cand.trailing_zeros() as usize;
                    cand &= cand - 1;
                    if w[pos..].starts_with(INFIXES[b].0) {
                        found |= 1 << b;
                    }
                }
            }
            while found != 0 {
                let b = found.trailing_zeros() as usize;
                found &= found - 1;
                for (e, x) in self.evidence.iter_mut().zip(INFIXES[b].1) {
                    *e += x;
                }
            }
            let mut add = [0.0f32; N];
            let mut prev = None;
            let mut prev2 = None;
            let mut syllabic_r = false;
            let mut hard_soft = false;
            let mut labial_ya = false;
            let mut vowel_v_consonant = false;
            let mut vowel_e = false;
            let mut o_count = 0;
            for c in w.chars() {
                match c {
                    'о' => o_count += 1,
                    // э after a consonant: common in Belarusian, rare in Russian loans.
                    // Russian writes it in transliterated names ("Дэн"), so less there.
                    'э' if prev.is_some_and(is_consonant) => {
                        let (be, ru) = if word.capital {
                            (0.8, -0.3)
                        } else {
                            (2.0, -1.2)
                        };
                        add[Cyr::Be as usize] += be;
                        add[Cyr::Ru as usize] += ru;
                    }
                    _ => {}
                }
                // Belarusian ж, ш, ч and р are always hard: "рэ", "жэ", "чы", never "ре",
                // "же", "чі", "ря" as in Russian and Ukrainian.
                if matches!(prev, Some('ж' | 'ш' | 'ч' | 'р'))
                    && matches!(c, 'е' | 'ё' | 'ю' | 'я' | 'і' | 'ь')
                {
                    hard_soft = true;
                }
                // Bulgarian writes ь only before о.
                if prev == Some('ь') && c != 'о' {
                    add[Cyr::Bg as usize] -= 2.0;
                }
                // Syllabic р between consonants ("прст", "срце", "држава"): Serbian and
                // Macedonian; Bulgarian writes ъ there, East Slavic a vowel.
                // Ukrainian writes an apostrophe between a labial and я at the start of a
                // word or after a vowel ("м'ясо", "п'ять", "здоров'я"); Russian and
                // Belarusian do not ("мясо", "пяць", "здароўя").
                if c == 'я'
                    && matches!(prev, Some('б' | 'п' | 'в' | 'м' | 'ф'))
                    && prev2.is_none_or(|p| !is_consonant(p) && p != 'ь')
                {
                    labial_ya = true;
                }
                if c == 'е' && matches!(prev, Some('а' | 'о' | 'у' | 'и' | 'ы' | 'я' | 'ю'))
                {
                    vowel_e = true;
                }
                if prev == Some('р') && prev2.is_some_and(is_consonant) && is_consonant(c) {
                    syllabic_r = true;
                }
                // в between a vowel and a consonant ("автор", "правда", "Павлом"):
                // Belarusian writes ў there ("аўтар", "праўда", "Паўлам").
                if prev == Some('в') && is_consonant(c) && prev2.is_some_and(is_vowel) {
                    vowel_v_consonant = true;
                }
                prev2 = prev;
                prev = Some(c);
            }
            if hard_soft {
                add[Cyr::Be as usize] -= 2.0;
            }
            // Ukrainian writes є, not е, for /je/ after a vowel ("своєму", "знає");
            // Serbian writes је. Russian and Belarusian "своему", "знае".
            if vowel_e {
                add[Cyr::Uk as usize] -= 1.0;
                add[Cyr::Sr as usize] -= 0.8;
            }
            if labial_ya {
                add[Cyr::Uk as usize] -= 1.5;
            }
            if vowel_v_consonant {
                add[Cyr::Be as usize] -= 1.5;
            }
            // Belarusian akanne in the prefix аб- ("абласць", "абмеркаванне"; Russian
            // обл-, обм-); Russian words in аб- are loans ("абсолютный", "абрикос").
            if w.len() > 8
                && w.starts_with("аб")
                && matches!(w.chars().nth(2), Some('л' | 'м' | 'н' | 'в' | 'я'))
            {
                add[Cyr::Be as usize] += 1.5;
                add[Cyr::Ru as usize] -= 0.8;
                add[Cyr::Uk as usize] -= 0.8;
                add[Cyr::Bg as usize] -= 0.8;
            }
            if syllabic_r {
                for (l, x) in [
                    (Cyr::Sr, 1.5),
                    (Cyr::Mk, 1.5),
                    (Cyr::Ru, -0.5),
                    (Cyr::Uk, -0.5),
                    (Cyr::Be, -0.5),
                    (Cyr::Bg, -0.5),
                ] {
                    add[l as usize] += x;
                }
            }
            if prev == Some('ь') {
                add[Cyr::Bg as usize] -= 2.0;
            }
            // Ukrainian writes і for a word-initial и-sound; Belarusian
            // puts a prothetic в/г before a word-initial о ("вока", "вуліца").
            let first = w.chars().next();
            // Russian native words in е- ("ещё", "ежедневно", "единый", "ехать");
            // Ukrainian writes є- there and е- only in loans ("екран", "ефект").
            if ["еж", "ед", "ещ", "ех"].iter().any(|p| w.starts_with(p)) {
                add[Cyr::Ru as usize] += 1.2;
                add[Cyr::Uk as usize] -= 1.0;
            }
            // Serbian turned a word-initial в before a consonant into у ("унук", "уторак");
            // it keeps вл-, вр- ("власт", "време").
            if first == Some('в')
                && w.chars()
                    .nth(1)
                    .is_some_and(|c| is_consonant(c) && !matches!(c, 'л' | 'р'))
            {
                add[Cyr::Sr as usize] -= 1.5;
            }
            if first == Some('и') {
                add[Cyr::Uk as usize] -= 1.5;
            } else if first == Some('о') {
                add[Cyr::Be as usize] -= 0.8;
            }
            // Only Russian writes ь after a hushing consonant ("ночь", "можешь", "рожь");
            // Ukrainian and Belarusian never do, Bulgarian writes ь only before о.
            if ["чь", "шь", "жь", "щь"].iter().any(|p| w.contains(p)) {
                for (l, x) in [
                    (Cyr::Ru, 1.5),
                    (Cyr::Uk, -2.0),
                    (Cyr::Be, -2.0),
                    (Cyr::Bg, -2.0),
                ] {
                    add[l as usize] += x;
                }
            }
            // A word ending in у or ю (accusative, dative, first person) is common in
            // East Slavic and Serbian, rare in Bulgarian and Macedonian, which lost the
            // cases and end the first person in -а, -я, -м.
            if w.chars().count() >= 3 && matches!(prev, Some('у' | 'ю')) && listed.is_none() {
                add[Cyr::Bg as usize] -= 1.0;
                add[Cyr::Mk as usize] -= 1.0;
            }
            // Loanwords: Russian and Belarusian write a word-initial э ("экспорт",
            // "энергия"), Ukrainian and the South Slavic languages е ("експорт").
            if ["екс", "еко", "ефект", "елект", "енерг"]
                .iter()
                .any(|p| w.starts_with(p))
            {
                add[Cyr::Ru as usize] -= 1.0;
                add[Cyr::Be as usize] -= 1.0;
            }
            // Bulgarian and Macedonian imperfect -еше/-аше ("беше", "имаше").
            if w.len() > 8 && (w.ends_with("еше") || w.ends_with("аше") || w.ends_with("яше"))
            {
                add[Cyr::Bg as usize] += 1.2;
                add[Cyr::Mk as usize] += 1.0;
                add[Cyr::Ru as usize] -= 0.5;
            }
            // Double consonants ("программа", "класс", "Анна"): Serbian and Macedonian
            // spelling simplifies them.
            if has_double_consonant(w) {
                add[Cyr::Sr as usize] -= 1.0;
                add[Cyr::Mk as usize] -= 0.8;
            }
            // Ukrainian and Belarusian also simplify them in loanwords ("клас", "група",
            // "програма"), doubling only long soft consonants ("життя", "вяселле").
            if has_hard_double(w) {
                add[Cyr::Uk as usize] -= 1.2;
                add[Cyr::Be as usize] -= 1.2;
            }
            // East Slavic prefix пере- (Belarusian пера-, South Slavic пре-).
            if w.len() > 10 && w.starts_with("пере") {
                for (l, x) in [
                    (Cyr::Ru, 0.8),
                    (Cyr::Uk, 0.8),
                    (Cyr::Be, -1.0),
                    (Cyr::Bg, -1.0),
                    (Cyr::Mk, -1.0),
                    (Cyr::Sr, -1.0),
                ] {
                    add[l as usize] += x;
                }
            }
            // East Slavic pleophony: consonant + оро/оло + consonant ("город", "голова")
            // where South Slavic has "град", "глава" and Belarusian akanne "горад", "галава".
            if pleophony(w) {
                for (l, x) in [
                    (Cyr::Ru, 0.6),
                    (Cyr::Uk, 0.6),
                    (Cyr::Bg, -0.6),
                    (Cyr::Mk, -0.6),
                    (Cyr::Sr, -0.6),
                ] {
                    add[l as usize] += x;
                }
            }
            // Belarusian akanne in the prefixes ад- and пра- (Russian от-, про-):
            // "адносна", "праблема"; Russian words in ад- are loans ("адрес", "адмирал").
            let mut it = w.chars();
            let (c0, c1, c2) = (it.next(), it.next(), it.next());
            if w.len() > 8 && c1 == Some('д') && c0 == Some('а') {
                if c2.is_some_and(|c| is_consonant(c) && !matches!(c, 'р' | 'м' | 'в')) {
                    add[Cyr::Be as usize] += 2.0;
                    add[Cyr::Ru as usize] -= 1.0;
                    add[Cyr::Uk as usize] -= 1.0;
                    add[Cyr::Bg as usize] -= 1.0;
                }
            } else if w.len() > 12 && w.starts_with("пера") {
                // Belarusian пера- for Russian and Ukrainian пере-.
                add[Cyr::Be as usize] += 1.5;
                add[Cyr::Ru as usize] -= 0.8;
                add[Cyr::Uk as usize] -= 0.8;
            } else if w.len() > 8 && w.starts_with("пра") {
                let c3 = w.chars().nth(3);
                if c3.is_some_and(|c| is_consonant(c) && !matches!(c, 'в' | 'к' | 'з' | 'ч')) {
                    add[Cyr::Be as usize] += 1.5;
                    add[Cyr::Ru as usize] -= 0.5;
                }
            }
            // Belarusian prefixes ня- and пры- (Russian не-, при-).
            if w.len() > 6 && w.starts_with("ня") {
                add[Cyr::Be as usize] += 1.5;
                add[Cyr::Ru as usize] -= 1.0;
                add[Cyr::Uk as usize] -= 0.5;
            } else if w.len() > 8 && w.starts_with("пры") {
                add[Cyr::Be as usize] += 1.5;
                add[Cyr::Ru as usize] -= 0.5;
            }
            // Belarusian writes о only under stress: two in one word is un-Belarusian.
            if o_count >= 2 {
                add[Cyr::Be as usize] -= 1.5 * (o_count - 1) as f32;
            }
            // Russian present-tense endings -ет/-ит/-ут, absent from Bulgarian verbs.
            // (`prev` and `prev2` now hold the word's last two letters.)
            if prev == Some('т') && matches!(prev2, Some('е' | 'и' | 'у')) {
                add[Cyr::Ru as usize] += 0.5;
                add[Cyr::Bg as usize] -= 0.5;
                // Ukrainian and Belarusian write -е, -ить/-іць, -уть/-уць.
                add[Cyr::Uk as usize] -= 0.5;
                add[Cyr::Be as usize] -= 0.5;
            }
            for (e, x) in self.evidence.iter_mut().zip(add) {
                *e += x;
            }
            // Bulgarian ъ stands before consonants ("към", "българ"); Russian ъ only
            // separates a prefix from е, ё, ю, я.
            if let Some(p) = w.find('ъ') {
                let next = w[p + 'ъ'.len_utf8()..].chars().next();
                // (Bulgarian "съюз" has ъю; Russian writes "союз".)
                let before_iotated = matches!(next, Some('е' | 'ё' | 'я'));
                let ev = if before_iotated {
                    [1.5, 0.0, 0.0, -1.5, 0.0, 0.0, 0.0]
                } else {
                    [-2.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0]
                };
                for (e, x) in self.evidence.iter_mut().zip(ev) {
                    *e += x;
                }
            }
        }
        word.reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infixes_fit_the_lookup() {
        assert!(INFIXES.len() <= 64);
        for (inf, _) in INFIXES {
            let first = inf.chars().next().map_or(0, |c| c as u32);
            assert!((0x430..0x450).contains(&first), "{inf}");
            assert!(inf.chars().count() >= 2, "{inf}");
        }
    }

    #[test]
    fn endings_fit_the_lookup() {
        for (end, _) in ENDINGS {
            let n = end.chars().count();
            assert!((2..=MAX_ENDING).contains(&n), "{end}");
        }
    }

    #[test]
    fn lowercases_cyrillic_including_kazakh_and_belarusian_letters() {
        assert_eq!(lower_cyrillic('Ў'), 'ў');
        assert_eq!(lower_cyrillic('І'), 'і');
        assert_eq!(lower_cyrillic('Ё'), 'ё');
        assert_eq!(lower_cyrillic('Я'), 'я');
        assert_eq!(lower_cyrillic('Қ'), 'қ');
        assert_eq!(lower_cyrillic('Ә'), 'ә');
        assert_eq!(lower_cyrillic('Ө'), 'ө');
        assert_eq!(lower_cyrillic('ж'), 'ж');
    }

    #[test]
    fn counts_latin_i_inside_cyrillic_words_as_cyrillic() {
        let s = Scan::new("Рэспублiкi Беларусь, iPhone");
        assert_eq!(s.latin_i, 2);
        assert_eq!(s.cyrillic, 18);
        assert_eq!(s.latin, 6);
        assert_eq!(s.letters, 24);
    }

    #[test]
    fn latin_i_is_fixed_exactly_where_the_scan_reads_it_as_i() {
        // Inside a Cyrillic word it is і, for the scan and for whatlang and lingua alike.
        let t = "Рэспублiкi Беларусь, iPhone, ХХIII з'езд, Iван";
        assert_eq!(
            Scan::new(t).with_cyrillic_i(t),
            "Рэспублікі Беларусь, iPhone, ХХIII з'езд, Іван"
        );
        // ...and rules out the languages without і; a Roman numeral with Cyrillic Х does not.
        let ru = 1 << Cyr::Ru as u32;
        assert_ne!(Scan::new("Мiнск").ruled_out & ru, 0);
        assert_eq!(Scan::new("ХХIII век").ruled_out & ru, 0);
    }

    #[test]
    fn latin_i_past_the_examined_words_is_left_latin_as_the_scan_leaves_it() {
        // The scan reads words up to one past MAX_WORDS; after them a Latin i is a Latin
        // letter, for the scan and for whatlang and lingua alike.
        let t = vec!["Мiнск"; MAX_WORDS + 50].join(" ");
        let s = Scan::new(&t);
        assert_eq!(s.latin_i, MAX_WORDS + 1);
        let fixed = s.with_cyrillic_i(&t);
        assert_eq!(fixed.matches("Мінск").count(), s.latin_i);
        assert_eq!(fixed.matches("Мiнск").count(), 49);
        assert!(fixed.starts_with("Мінск Мінск") && fixed.ends_with("Мiнск Мiнск"));
        // A start of the text (what lingua is shown) is fixed the same way.
        let head = vec!["Мiнск"; MAX_WORDS + 20].join(" ");
        assert!(t.starts_with(&head));
        let words = [vec!["Мінск"; MAX_WORDS + 1], vec!["Мiнск"; 19]].concat();
        assert_eq!(s.with_cyrillic_i(&head), words.join(" "));
    }

    #[test]
    fn letters_a_language_lacks_rule_it_out() {
        let s = Scan::new("дежьеншўрхьцлч");
        assert_eq!(s.ruled_out, 0b111_1011);
        let s = Scan::new("Київ");
        assert_eq!(s.ruled_out & (1 << Cyr::Uk as u32), 0);
        assert_ne!(s.ruled_out & (1 << Cyr::Ru as u32), 0);
        assert_eq!(Scan::new("мама мыла раму").ruled_out & 1, 0);
    }

    #[test]
    fn letter_runs_and_abbreviations_are_not_words() {
        for t in ["ЙЙЙЙ", "аааа", "СССР", "ЖЖ ЖЖ", "мвд"] {
            assert!(!Scan::new(t).has_real_word, "{t}");
        }
        for t in ["Олег", "врх", "срп", "әке", "път"] {
            assert!(Scan::new(t).has_real_word, "{t}");
        }
    }

    #[test]
    fn v_between_vowel_and_consonant_is_not_belarusian() {
        // Belarusian writes ў there ("заўтра", "аўтар"); the same word shape with another
        // consonant carries no such evidence.
        let be = |t: &str| Scan::new(t).evidence[Cyr::Be as usize];
        assert!(be("завтра") <= be("застра") - 1.5);
        assert!(be("автор") <= be("актор") - 1.5);
        // Word-initial в and в before a vowel are Belarusian too ("вада", "навука").
        assert_eq!(be("навука"), be("натука"));
    }

    #[test]
    fn unique_letters_decide() {
        let best = |t: &str| {
            let s = Scan::new(t);
            Cyr::ALL
                .into_iter()
                .max_by(|a, b| s.evidence[*a as usize].total_cmp(&s.evidence[*b as usize]))
        };
        assert_eq!(best("ўсё"), Some(Cyr::Be));
        assert_eq!(best("їжак"), Some(Cyr::Uk));
        assert_eq!(best("ќерка"), Some(Cyr::Mk));
        assert_eq!(best("ћерка"), Some(Cyr::Sr));
        assert_eq!(best("қала"), Some(Cyr::Kk));
        // An apostrophe between letters is never Russian.
        let s = Scan::new("п'ять");
        assert!(s.evidence[Cyr::Ru as usize] < s.evidence[Cyr::Uk as usize]);
    }
}
