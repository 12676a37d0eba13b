//! Evaluation over the labelled paragraphs in `corpus/themes/<lang>.jsonl`, shared by the
//! floor test and `examples/report.rs`.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use pagesift_themes::Tagger;

/// One labelled paragraph.
pub struct Case {
    pub lang: String,
    pub line: usize,
    pub text: String,
    pub gold: BTreeSet<String>,
    /// `"dev"` (written alongside the taxonomy) or `"holdout"` (written before the
    /// taxonomy was run on it).
    pub set: String,
}

/// Counts of true/false positives and false negatives.
#[derive(Default, Clone, Copy, Debug)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A mistake: the case, the theme, and whether it was predicted (FP) or missed (FN).
pub struct Miss {
    pub lang: String,
    pub line: usize,
    pub theme: String,
    pub false_positive: bool,
    pub text: String,
}

/// Results of one run.
#[derive(Default)]
pub struct Eval {
    /// Per language: micro counts.
    pub per_lang: BTreeMap<String, Counts>,
    /// Per language and theme.
    pub per_lang_theme: BTreeMap<(String, String), Counts>,
    /// Per theme over all languages.
    pub per_theme: BTreeMap<String, Counts>,
    /// Paragraph counts per language.
    pub cases: BTreeMap<String, usize>,
    pub misses: Vec<Miss>,
}

impl Eval {
    /// Scores one case (a paragraph or a page) of `lang`: predicted theme ids `got`
    /// against `gold`; `line` and `text` identify it in the misses.
    fn record(
        &mut self,
        lang: &str,
        line: usize,
        text: &str,
        got: &BTreeSet<String>,
        gold: &BTreeSet<String>,
    ) {
        *self.cases.entry(lang.to_owned()).or_default() += 1;
        let mut k = Counts::default();
        for t in got.union(gold) {
            let (g, p) = (gold.contains(t), got.contains(t));
            let one = Counts {
                tp: usize::from(g && p),
                fp: usize::from(p && !g),
                fn_: usize::from(g && !p),
            };
            k.add(one);
            self.per_lang_theme
                .entry((lang.to_owned(), t.clone()))
                .or_default()
                .add(one);
            self.per_theme.entry(t.clone()).or_default().add(one);
            if g != p {
                self.misses.push(Miss {
                    lang: lang.to_owned(),
                    line,
                    theme: t.clone(),
                    false_positive: p,
                    text: text.to_owned(),
                });
            }
        }
        self.per_lang.entry(lang.to_owned()).or_default().add(k);
    }
}

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/themes")
}

/// Loads every `<lang>.jsonl` of the corpus directory.
pub fn load() -> Result<Vec<Case>, String> {
    let dir = corpus_dir();
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for path in files {
        let lang = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
            let t = v["text"]
                .as_str()
                .ok_or(format!("{}:{}: no text", path.display(), i + 1))?;
            let gold = v["themes"]
                .as_array()
                .ok_or(format!("{}:{}: no themes", path.display(), i + 1))?
                .iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect();
            let set = v["set"].as_str().unwrap_or("dev").to_owned();
            out.push(Case {
                set,
                lang: lang.clone(),
                line: i + 1,
                text: t.to_owned(),
                gold,
            });
        }
    }
    Ok(out)
}

/// Tags every case (with its file's language, or with no language when `und`) and scores.
pub fn run(tagger: &Tagger, cases: &[Case], und: bool) -> Eval {
    let mut ev = Eval::default();
    for c in cases {
        let lang = if und { None } else { Some(c.lang.as_str()) };
        let got: BTreeSet<String> = tagger
            .tag_text(&c.text, lang)
            .into_iter()
            .map(|h| h.id)
            .collect();
        ev.record(&c.lang, c.line, &c.text, &got, &c.gold);
    }
    ev
}

/// Macro P/R/F1 over the themes seen in gold or predictions for `lang`.
pub fn macro_prf(ev: &Eval, lang: &str) -> (f64, f64, f64) {
    let v: Vec<&Counts> = ev
        .per_lang_theme
        .iter()
        .filter(|((l, _), _)| l == lang)
        .map(|(_, c)| c)
        .collect();
    if v.is_empty() {
        return (1.0, 1.0, 1.0);
    }
    let n = v.len() as f64;
    (
        v.iter().map(|c| c.precision()).sum::<f64>() / n,
        v.iter().map(|c| c.recall()).sum::<f64>() / n,
        v.iter().map(|c| c.f1()).sum::<f64>() / n,
    )
}

/// A whole corpus page: gold main text (one block per line), title, language, themes.
pub struct Page {
    pub name: String,
    pub lang: String,
    pub title: String,
    pub blocks: Vec<String>,
    pub gold: BTreeSet<String>,
}

impl Page {
    /// Tags the page: its title (when not blank) and blocks, all in the page language.
    pub fn tag(&self, tagger: &Tagger) -> Vec<pagesift_themes::ThemeHit> {
        let blocks: Vec<pagesift_themes::TagBlock<'_>> = self
            .blocks
            .iter()
            .map(|b| pagesift_themes::TagBlock {
                text: b,
                lang: Some(&self.lang),
            })
            .collect();
        tagger.tag(&pagesift_themes::TagInput {
            title: (!self.title.trim().is_empty()).then_some(self.title.as_str()),
            title_lang: Some(&self.lang),
            blocks: &blocks,
        })
    }
}

/// Loads `corpus/pages/*.gold.json` with their `.gold.txt` (absent directory: empty).
pub fn load_pages() -> Result<Vec<Page>, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pages");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter_map(|n| n.strip_suffix(".gold.json").map(str::to_owned))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let json = std::fs::read_to_string(dir.join(format!("{name}.gold.json")))
            .map_err(|e| format!("{name}.gold.json: {e}"))?;
        let v: serde_json::Value =
            serde_json::from_str(&json).map_err(|e| format!("{name}.gold.json: {e}"))?;
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{name}.gold.txt"))) else {
            continue;
        };
        let title = v["title"].as_str().unwrap_or("").to_owned();
        let blocks: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .filter(|(i, l)| !(*i == 0 && *l == title))
            .map(|(_, l)| l.to_owned())
            .collect();
        out.push(Page {
            name,
            lang: v["lang"].as_str().unwrap_or("und").to_owned(),
            title,
            blocks,
            gold: v["themes"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The array of strings under `key` in a JSON line; errors name the line (`at`).
fn string_array(v: &serde_json::Value, key: &str, at: &str) -> Result<Vec<String>, String> {
    v[key]
        .as_array()
        .ok_or(format!("{at}: no {key:?} array"))?
        .iter()
        .map(|x| {
            x.as_str()
                .map(str::to_owned)
                .ok_or(format!("{at}: {key:?} holds a non-string"))
        })
        .collect()
}

/// Replaces each page's gold themes with another annotator's labels for the same pages:
/// JSON Lines of `{"id", "themes": [..]}` naming every page exactly once.
pub fn relabel(pages: &mut [Page], path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", path.display(), i + 1);
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{at}: {e}"))?;
        let id = v["id"].as_str().ok_or(format!("{at}: no \"id\""))?;
        let themes = string_array(&v, "themes", &at)?.into_iter().collect();
        if labels.insert(id.to_owned(), themes).is_some() {
            return Err(format!("{at}: page {id:?} labelled twice"));
        }
    }
    for page in pages.iter_mut() {
        page.gold = labels.remove(&page.name).ok_or(format!(
            "{}: no labels for page {:?}",
            path.display(),
            page.name
        ))?;
    }
    match labels.keys().next() {
        Some(extra) => Err(format!(
            "{}: page {extra:?} is not in the page set",
            path.display()
        )),
        None => Ok(()),
    }
}

/// Loads a held-out page set: JSON Lines, one page a line, each
/// `{"id", "lang", "title", "blocks": [..], "themes": [..], "note"}` (`note` ignored;
/// `title` may be empty). `Ok(None)` when the file does not exist.
pub fn load_heldout(path: &std::path::Path) -> Result<Option<Vec<Page>>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{}:{}", path.display(), i + 1);
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", at()))?;
        let strings = |key: &str| string_array(&v, key, &at());
        let title = v["title"].as_str().unwrap_or("").trim().to_owned();
        let mut blocks = strings("blocks")?;
        // As for corpus/pages: a first block repeating the title is the title.
        if !title.is_empty() && blocks.first().is_some_and(|b| b.trim() == title) {
            blocks.remove(0);
        }
        out.push(Page {
            name: v["id"]
                .as_str()
                .map_or_else(|| format!("line-{}", i + 1), str::to_owned),
            lang: v["lang"]
                .as_str()
                .ok_or(format!("{}: no \"lang\"", at()))?
                .to_owned(),
            title,
            blocks,
            gold: strings("themes")?.into_iter().collect(),
        });
    }
    Ok(Some(out))
}

/// Every hit on every page: (page, theme, in gold, count, score, evidence terms).
pub fn page_hits(
    tagger: &Tagger,
    pages: &[Page],
) -> Vec<(String, String, bool, usize, f64, Vec<String>)> {
    let mut out = Vec::new();
    for p in pages {
        for h in p.tag(tagger) {
            let terms = h
                .evidence
                .iter()
                .map(|e| match e.block {
                    Some(b) => format!("{}@{b}:{}", e.term, e.start),
                    None => format!("{}@title:{}", e.term, e.start),
                })
                .collect();
            out.push((
                p.name.clone(),
                h.id.clone(),
                p.gold.contains(&h.id),
                h.count,
                h.score,
                terms,
            ));
        }
    }
    out
}

/// Tags whole pages (title + blocks in the page language) and scores like [`run`].
pub fn run_pages(tagger: &Tagger, pages: &[Page]) -> Eval {
    let mut ev = Eval::default();
    for p in pages {
        let got: BTreeSet<String> = p.tag(tagger).into_iter().map(|h| h.id).collect();
        ev.record(&p.lang, 0, &p.name, &got, &p.gold);
    }
    ev
}
