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
        *ev.cases.entry(c.lang.clone()).or_default() += 1;
        let mut k = Counts::default();
        for t in got.union(&c.gold) {
            let (g, p) = (c.gold.contains(t), got.contains(t));
            let one = Counts {
                tp: usize::from(g && p),
                fp: usize::from(p && !g),
                fn_: usize::from(g && !p),
            };
            k.add(one);
            ev.per_lang_theme
                .entry((c.lang.clone(), t.clone()))
                .or_default()
                .add(one);
            ev.per_theme.entry(t.clone()).or_default().add(one);
            if g != p {
                ev.misses.push(Miss {
                    lang: c.lang.clone(),
                    line: c.line,
                    theme: t.clone(),
                    false_positive: p,
                    text: c.text.clone(),
                });
            }
        }
        ev.per_lang.entry(c.lang.clone()).or_default().add(k);
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
