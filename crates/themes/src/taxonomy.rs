//! The taxonomy file format: parsing with spans, validation, and the public model.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::stem::StemKind;
use crate::tokens::tokenize;
use crate::Error;

/// Largest `gap` a term may allow: more would let unrelated words pair up.
pub const MAX_GAP: usize = 3;

/// Largest `window` of a `near` entry: its words must lie within this many words of each
/// other (and in one sentence).
pub const MAX_WINDOW: usize = 12;

/// `window` of a `near` entry that does not set one.
pub const DEFAULT_WINDOW: usize = 8;

/// The language key for terms that match in every language (names, Latin acronyms).
pub const ANY_LANG: &str = "*";

/// A loaded, validated taxonomy: an ordered list of [`Theme`]s.
///
/// Build it with [`Taxonomy::default_taxonomy`], [`Taxonomy::from_toml_str`] or
/// [`Taxonomy::from_path`]; the format is described in the crate docs and in
/// `crates/themes/TAXONOMY.md`.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub(crate) themes: Vec<Theme>,
    pub(crate) origin: String,
}

/// One theme of a taxonomy, read from a [`Taxonomy`] (built only by loading one, so that
/// new fields are not breaking changes).
#[derive(Debug, Clone, serde::Serialize)]
#[non_exhaustive]
pub struct Theme {
    /// Stable identifier, e.g. `"digital-transformation"`.
    pub id: String,
    /// Human-readable label.
    pub label: String,
    /// What the theme covers, for analysts (may be empty).
    pub description: String,
    /// The id of a broader theme, if any. Informational: a hit on a child does not
    /// imply a hit on its parent.
    pub parent: Option<String>,
    /// The terms that evidence this theme, in file order per language.
    pub terms: Vec<Term>,
    /// Phrases that suppress an overlapping term match of this theme (false friends).
    pub exclude: Vec<Term>,
    /// Multiplies the theme's score (then capped at 1): above 1 for themes an analyst
    /// wants reported on a single explicit mention, below 1 for themes often named in
    /// passing. `weight` in the file, between 0.1 and 3; default 1.
    pub weight: f64,
    /// 1-based line of the theme's `id` in its file (0 if unknown).
    #[serde(skip)]
    pub line: usize,
}

/// One term (or exclude phrase) of a theme, read from a [`Theme`] (built only by loading
/// a taxonomy).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Term {
    /// The term as written in the taxonomy; also what [`Evidence::term`](crate::Evidence)
    /// reports.
    pub text: String,
    /// Language code (`"en"`, `"ru"`, …) or `"*"` for every language.
    pub lang: String,
    /// Words of the term that contain a capital letter ("AI", "ИИ", "5G", the "IT" of
    /// "IT industry") must appear exactly as written, case included; its other words
    /// match as usual.
    pub case_sensitive: bool,
    /// Words match in their folded form as written, without stemming ("connectivity"
    /// must not match "connected").
    pub exact: bool,
    /// Up to this many other words may stand between consecutive words of the term.
    pub gap: usize,
    /// A co-occurrence entry (`near` in the file): groups of alternative single words, one
    /// word of every group within [`Term::window`] words of the others, in any order, in
    /// one sentence ("households … still lack … internet access"). Empty for an ordinary
    /// term, whose words are [`Term::text`]; for a `near` entry `text` is only its name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<Vec<String>>,
    /// For a `near` entry, the largest distance in words between its first and last
    /// matched word (1 = adjacent); 0 for an ordinary term.
    #[serde(skip_serializing_if = "is_zero")]
    pub window: usize,
    /// 1-based line of the term in its file (0 if unknown).
    #[serde(skip)]
    pub line: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Taxonomy {
    /// The default ICT-policy taxonomy shipped in the crate (`taxonomy/default.toml`).
    ///
    /// It is validated by the crate's tests, so loading it cannot fail at run time; should
    /// it ever, an empty taxonomy is returned rather than a panic.
    pub fn default_taxonomy() -> Taxonomy {
        Taxonomy::from_toml_str(DEFAULT_TOML, "<default taxonomy>").unwrap_or(Taxonomy {
            themes: Vec::new(),
            origin: "<default taxonomy>".to_owned(),
        })
    }

    /// The TOML source of the default taxonomy, to print, copy and extend.
    pub fn default_toml() -> &'static str {
        DEFAULT_TOML
    }

    /// Parses and validates TOML; `origin` names the file in errors.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] for TOML syntax, unknown keys and wrong types, [`Error::Taxonomy`]
    /// for a duplicate id, an empty or unmatchable term, an unknown parent, a parent
    /// cycle, a bad language code or gap. Both carry the file, line and theme id.
    pub fn from_toml_str(toml: &str, origin: &str) -> Result<Taxonomy, Error> {
        let raw: RawFile = toml::from_str(toml).map_err(|e| {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            Error::Parse {
                file: origin.to_owned(),
                line: line_of(toml, offset),
                theme: theme_before(toml, offset),
                problem: e.message().trim().to_owned(),
            }
        })?;
        validate(raw, toml, origin)
    }

    /// Reads a file and parses it with [`Taxonomy::from_toml_str`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if the file cannot be read, else as [`Taxonomy::from_toml_str`].
    pub fn from_path(path: &Path) -> Result<Taxonomy, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Taxonomy::from_toml_str(&text, &path.display().to_string())
    }

    /// Themes in file order.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// The theme with this id.
    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// Where the taxonomy came from (file path or `<default taxonomy>`).
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The language codes the taxonomy's terms and exclude phrases use, sorted and
    /// without duplicates, without [`ANY_LANG`] (`"*"`, matched in every language): what a
    /// language detector must be able to return for those terms to be used.
    ///
    /// ```
    /// let tax = pagesift_themes::Taxonomy::default_taxonomy();
    /// assert_eq!(tax.languages(), ["be", "en", "ru", "uk"]);
    /// ```
    pub fn languages(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .themes
            .iter()
            .flat_map(|t| t.terms.iter().chain(&t.exclude))
            .map(|t| t.lang.as_str())
            .filter(|l| *l != ANY_LANG)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Number of terms over all themes and languages (excludes not counted).
    pub fn term_count(&self) -> usize {
        self.themes.iter().map(|t| t.terms.len()).sum()
    }
}

const DEFAULT_TOML: &str = include_str!("../taxonomy/default.toml");

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The `id` of the `[[theme]]` table that contains `offset`, if it is written before it.
fn theme_before(text: &str, offset: usize) -> String {
    let mut id = String::new();
    let end = text.floor_char_boundary_compat(offset);
    for line in text[..end].lines() {
        let l = line.trim();
        if l.starts_with("[[theme]]") {
            id.clear();
        } else if let Some(rest) = l.strip_prefix("id") {
            if let Some(v) = rest.trim_start().strip_prefix('=') {
                id = v.trim().trim_matches('"').to_owned();
            }
        }
    }
    id
}

/// `str::floor_char_boundary` is not stable on our MSRV.
trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    version: Option<Spanned<i64>>,
    #[serde(default)]
    theme: Vec<Spanned<RawTheme>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    id: Spanned<String>,
    label: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    weight: Option<Spanned<f64>>,
    #[serde(default)]
    terms: BTreeMap<String, Vec<Spanned<RawTerm>>>,
    #[serde(default)]
    acronyms: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    exclude: BTreeMap<String, Vec<Spanned<RawTerm>>>,
}

/// A term entry: a plain string or a table with flags.
struct RawTerm {
    term: String,
    case_sensitive: bool,
    exact: bool,
    gap: usize,
    near: Vec<Vec<String>>,
    window: Option<usize>,
}

impl RawTerm {
    fn plain(term: String) -> RawTerm {
        RawTerm {
            term,
            case_sensitive: false,
            exact: false,
            gap: 0,
            near: Vec::new(),
            window: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTermTable {
    #[serde(default)]
    term: String,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    exact: bool,
    #[serde(default)]
    gap: usize,
    #[serde(default)]
    near: Vec<Vec<String>>,
    #[serde(default)]
    window: Option<usize>,
}

impl<'de> Deserialize<'de> for RawTerm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawTerm;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a term string or a table { term = \"...\", case_sensitive, exact, gap } \
                     or { near = [[\"...\"], [\"...\"]], window, term }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTerm, E> {
                Ok(RawTerm::plain(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawTerm, A::Error> {
                let t = RawTermTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawTerm {
                    term: t.term,
                    case_sensitive: t.case_sensitive,
                    exact: t.exact,
                    gap: t.gap,
                    near: t.near,
                    window: t.window,
                })
            }
        }
        d.deserialize_any(V)
    }
}

fn valid_lang(code: &str) -> bool {
    code == ANY_LANG
        || ((2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()))
}

fn validate(raw: RawFile, src: &str, origin: &str) -> Result<Taxonomy, Error> {
    let err = |line: usize, theme: &str, problem: String| Error::Taxonomy {
        file: origin.to_owned(),
        line,
        theme: theme.to_owned(),
        problem,
    };
    if let Some(v) = &raw.version {
        if *v.get_ref() != 1 {
            return Err(err(
                line_of(src, v.span().start),
                "",
                format!(
                    "unsupported format version {} (this build reads version 1)",
                    v.get_ref()
                ),
            ));
        }
    }
    if raw.theme.is_empty() {
        return Err(err(1, "", "no [[theme]] tables".to_owned()));
    }
    let mut themes = Vec::with_capacity(raw.theme.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut parent_lines = Vec::new();
    for st in raw.theme {
        let t = st.into_inner();
        let id_line = line_of(src, t.id.span().start);
        let id = t.id.get_ref().trim().to_owned();
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            return Err(err(
                id_line,
                &id,
                "id must be non-empty and without spaces".to_owned(),
            ));
        }
        if let Some(first) = seen.get(&id) {
            return Err(err(
                id_line,
                &id,
                format!("duplicate id (first defined on line {first})"),
            ));
        }
        seen.insert(id.clone(), id_line);
        if t.label.get_ref().trim().is_empty() {
            return Err(err(
                line_of(src, t.label.span().start),
                &id,
                "empty label".to_owned(),
            ));
        }
        let mut terms = Vec::new();
        let mut dedup: HashSet<(String, String)> = HashSet::new();
        let entries = t
            .terms
            .into_iter()
            .flat_map(|(lang, v)| v.into_iter().map(move |s| (lang.clone(), s, false)))
            .chain(t.acronyms.into_iter().flat_map(|(lang, v)| {
                v.into_iter().map(move |s| {
                    let span = s.span();
                    let term = RawTerm {
                        case_sensitive: true,
                        exact: true,
                        ..RawTerm::plain(s.into_inner())
                    };
                    (lang.clone(), Spanned::new(span, term), true)
                })
            }));
        for (lang, s, _) in entries {
            let line = line_of(src, s.span().start);
            let r = s.into_inner();
            let term = check_term(&lang, r, line, &|m| err(line, &id, m))?;
            if !dedup.insert((term.lang.clone(), term.text.clone())) {
                return Err(err(
                    line,
                    &id,
                    format!("duplicate term {:?} ({})", term.text, term.lang),
                ));
            }
            terms.push(term);
        }
        if terms.is_empty() {
            return Err(err(id_line, &id, "theme has no terms".to_owned()));
        }
        let mut exclude = Vec::new();
        for (lang, v) in t.exclude {
            for s in v {
                let line = line_of(src, s.span().start);
                let r = s.into_inner();
                if !r.near.is_empty() {
                    return Err(err(
                        line,
                        &id,
                        "an exclude phrase cannot be a `near` entry".to_owned(),
                    ));
                }
                exclude.push(check_term(&lang, r, line, &|m| err(line, &id, m))?);
            }
        }
        if let Some(p) = &t.parent {
            parent_lines.push((
                id.clone(),
                p.get_ref().clone(),
                line_of(src, p.span().start),
            ));
        }
        let weight = match &t.weight {
            None => 1.0,
            Some(w) if (0.1..=3.0).contains(w.get_ref()) => *w.get_ref(),
            Some(w) => {
                return Err(err(
                    line_of(src, w.span().start),
                    &id,
                    format!("weight {} is outside 0.1..=3", w.get_ref()),
                ))
            }
        };
        themes.push(Theme {
            weight,
            id,
            label: t.label.into_inner().trim().to_owned(),
            description: t.description.trim().to_owned(),
            parent: t.parent.map(|p| p.into_inner()),
            terms,
            exclude,
            line: id_line,
        });
    }
    for (id, parent, line) in &parent_lines {
        if !seen.contains_key(parent) {
            return Err(err(*line, id, format!("unknown parent {parent:?}")));
        }
        // Walk up; a chain longer than the theme count is a cycle.
        let mut cur = parent.as_str();
        for _ in 0..=themes.len() {
            if cur == id {
                return Err(err(
                    *line,
                    id,
                    format!("parent {parent:?} leads back to this theme"),
                ));
            }
            match parent_lines.iter().find(|(c, _, _)| c == cur) {
                Some((_, p, _)) => cur = p,
                None => break,
            }
        }
    }
    Ok(Taxonomy {
        themes,
        origin: origin.to_owned(),
    })
}

/// Validates one term (or hands a `near` entry to [`check_near`]) of language `lang`,
/// written on `line`; `fail` turns a problem into an [`Error`] naming the file, the line
/// and the theme.
fn check_term(
    lang: &str,
    r: RawTerm,
    line: usize,
    fail: &dyn Fn(String) -> Error,
) -> Result<Term, Error> {
    if !valid_lang(lang) {
        return Err(fail(format!(
            "bad language code {lang:?} (use a 2-3 letter lowercase code or \"*\")"
        )));
    }
    if !r.near.is_empty() || r.window.is_some() {
        return check_near(lang, r, line, fail);
    }
    let text = r.term.trim();
    if text.is_empty() {
        return Err(fail(format!("empty term ({lang})")));
    }
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    if toks.is_empty() {
        return Err(fail(format!(
            "term {text:?} ({lang}) cannot match: no word left after normalisation"
        )));
    }
    if r.gap > MAX_GAP {
        return Err(fail(format!(
            "gap {} too large for {text:?} (at most {MAX_GAP})",
            r.gap
        )));
    }
    if r.gap > 0 && toks.len() < 2 {
        return Err(fail(format!(
            "gap on the one-word term {text:?} has no effect"
        )));
    }
    Ok(Term {
        text: text.to_owned(),
        lang: lang.to_owned(),
        case_sensitive: r.case_sensitive,
        exact: r.exact,
        gap: r.gap,
        near: Vec::new(),
        window: 0,
        line,
    })
}

/// Validates a `near` entry: 2 to 4 groups of one-word alternatives, no word (nor two
/// words with one stem) in two groups, a window of 1 to [`MAX_WINDOW`], no `gap`. Its name
/// is `term`, else the first word of each group joined by " … ".
fn check_near(
    lang: &str,
    r: RawTerm,
    line: usize,
    fail: &dyn Fn(String) -> Error,
) -> Result<Term, Error> {
    if !(2..=4).contains(&r.near.len()) {
        return Err(fail(format!(
            "a `near` entry needs 2 to 4 groups of words, found {} ({lang})",
            r.near.len()
        )));
    }
    if r.gap > 0 {
        return Err(fail(
            "`gap` has no meaning in a `near` entry (use `window`)".to_owned(),
        ));
    }
    let window = r.window.unwrap_or(DEFAULT_WINDOW);
    if !(1..=MAX_WINDOW).contains(&window) {
        return Err(fail(format!("window {window} outside 1..={MAX_WINDOW}")));
    }
    let mut seen: HashSet<String> = HashSet::new();
    // Stem → (group, word): a word that shares its stem with a word of another group
    // could fill both groups on its own.
    let stemmer = StemKind::for_lang(lang).stemmer();
    let mut stems: HashMap<String, (usize, String)> = HashMap::new();
    let mut groups = Vec::with_capacity(r.near.len());
    for (gi, group) in r.near.into_iter().enumerate() {
        if group.is_empty() {
            return Err(fail(format!("empty group in a `near` entry ({lang})")));
        }
        let mut words = Vec::with_capacity(group.len());
        for w in group {
            let w = w.trim();
            let mut toks = Vec::new();
            tokenize(w, &mut toks);
            if toks.len() != 1 {
                return Err(fail(format!(
                    "{w:?} in a `near` group must be exactly one word ({lang})"
                )));
            }
            if !seen.insert(toks[0].key.to_string()) {
                return Err(fail(format!(
                    "{w:?} is listed twice in one `near` entry ({lang})"
                )));
            }
            if !r.exact {
                let stem = stemmer.stem(&toks[0].key).into_owned();
                match stems.get(&stem) {
                    Some((g, other)) if *g != gi => {
                        return Err(fail(format!(
                            "{other:?} and {w:?} are in different `near` groups but share \
                                 the stem {stem:?}, so one word could fill both ({lang})"
                        )));
                    }
                    Some(_) => {}
                    None => {
                        stems.insert(stem, (gi, w.to_owned()));
                    }
                }
            }
            words.push(w.to_owned());
        }
        groups.push(words);
    }
    let name = r.term.trim();
    let text = if name.is_empty() {
        groups
            .iter()
            .map(|g| g[0].as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    } else {
        name.to_owned()
    };
    Ok(Term {
        text,
        lang: lang.to_owned(),
        case_sensitive: r.case_sensitive,
        exact: r.exact,
        gap: 0,
        near: groups,
        window,
        line,
    })
}
