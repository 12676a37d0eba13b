//! The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark),
//! re-implemented so that our numbers compare with the published ones.
//!
//! 1. Tokens are maximal runs of word characters (Python's `\w+`: letters, digits,
//!    numeric characters and `_`; case kept).
//! 2. Tokens are cut into overlapping 4-gram shingles, counted as a multiset; a text
//!    of 1–3 tokens gives one shorter shingle, no tokens give none.
//! 3. Per page, per distinct shingle: `tp += min(gold, pred)`, `fp += pred − gold`
//!    where positive, `fn += gold − pred` where positive; then the three are divided
//!    by their sum so each page weighs the same.
//! 4. Precision is 1 when `fp = fn = 0`, 0 when `tp = fp = 0`, else `tp/(tp+fp)`;
//!    recall likewise with `fn`.
//! 5. Means are macro averages: precision over pages whose prediction has a shingle,
//!    recall over pages whose gold has one; F1 comes from the two means.
//! 6. Accuracy is the share of pages whose token sequences are equal.
//!
//! ```
//! use pagesift_extract::score::{shingle_prf, macro_average};
//! let s = shingle_prf("one two three four five", "one two three four five six");
//! assert_eq!(s.recall, 1.0);
//! assert!(s.precision > 0.6 && s.precision < 0.7);
//! let summary = macro_average(&[s]);
//! assert!((summary.f1 - 0.8).abs() < 1e-9);
//! ```

use std::collections::HashMap;

/// Python's `\w` for a `str` pattern: `str.isalnum()` or `_`, i.e. general
/// categories L and N. Rust's `char::is_alphanumeric` adds the Other_Alphabetic
/// property: combining marks (Arabic harakat, Indic vowel signs) and the circled or
/// squared letter symbols, which are removed here.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric()
        && !unicode_normalization::char::is_combining_mark(c)
        && !matches!(c, '\u{24B6}'..='\u{24E9}' | '\u{1F130}'..='\u{1F149}' | '\u{1F150}'..='\u{1F169}' | '\u{1F170}'..='\u{1F189}')
}

/// Splits text into `\w+` tokens.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_word(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(toks: &'a [&'a str]) -> HashMap<&'a [&'a str], u32> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        m.insert(toks, 1);
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

/// The score of one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Normalised true positives (`tp / (tp+fp+fn)`).
    pub tp: f64,
    /// Normalised false positives.
    pub fp: f64,
    /// Normalised false negatives.
    pub fn_: f64,
    /// Precision of this page.
    pub precision: f64,
    /// Recall of this page.
    pub recall: f64,
    /// Harmonic mean of this page's precision and recall (for per-page reports only).
    pub f1: f64,
    /// The prediction has at least one shingle (the page counts in mean precision).
    pub has_pred: bool,
    /// The gold text has at least one shingle (the page counts in mean recall).
    pub has_gold: bool,
    /// The token sequences are equal.
    pub exact: bool,
}

/// Scores a predicted text against the gold text of one page.
pub fn shingle_prf(gold: &str, pred: &str) -> PageScore {
    let gt = tokens(gold);
    let pt = tokens(pred);
    let gs = shingles(&gt);
    let ps = shingles(&pt);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &g) in &gs {
        let p = ps.get(k).copied().unwrap_or(0);
        tp += u64::from(g.min(p));
        fn_ += u64::from(g.saturating_sub(p));
    }
    for (k, &p) in &ps {
        let g = gs.get(k).copied().unwrap_or(0);
        fp += u64::from(p.saturating_sub(g));
    }
    let total = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if total > 0.0 {
        (tp as f64 / total, fp as f64 / total, fn_ as f64 / total)
    } else {
        (0.0, 0.0, 0.0)
    };
    let ratio = |other: f64| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && other == 0.0 {
            0.0
        } else {
            tp / (tp + other)
        }
    };
    let precision = ratio(fp);
    let recall = ratio(fn_);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    PageScore {
        tp,
        fp,
        fn_,
        precision,
        recall,
        f1,
        has_pred: !ps.is_empty(),
        has_gold: !gs.is_empty(),
        exact: gt == pt,
    }
}

/// Macro averages over pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Pages scored.
    pub pages: usize,
    /// Mean precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean recall over pages with a non-empty gold text.
    pub recall: f64,
    /// `2PR/(P+R)` from the two means.
    pub f1: f64,
    /// Share of pages whose token sequence equals the gold one.
    pub accuracy: f64,
}

/// Macro-averages page scores the benchmark's way.
pub fn macro_average(scores: &[PageScore]) -> Summary {
    let mean = |it: &mut dyn Iterator<Item = f64>| {
        let (s, n) = it.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
        if n == 0 {
            0.0
        } else {
            s / n as f64
        }
    };
    let precision = mean(&mut scores.iter().filter(|s| s.has_pred).map(|s| s.precision));
    let recall = mean(&mut scores.iter().filter(|s| s.has_gold).map(|s| s.recall));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = mean(&mut scores.iter().map(|s| if s.exact { 1.0 } else { 0.0 }));
    Summary {
        pages: scores.len(),
        precision,
        recall,
        f1,
        accuracy,
    }
}

/// Sample standard deviations of (F1, P, R, accuracy) over `rounds` bootstrap
/// resamples of the pages, with a fixed seed (upstream uses none, so only the
/// magnitude is comparable).
pub fn bootstrap_std(scores: &[PageScore], rounds: usize, seed: u64) -> [f64; 4] {
    if scores.is_empty() || rounds < 2 {
        return [0.0; 4];
    }
    let mut state = seed | 1;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut samples: Vec<[f64; 4]> = Vec::with_capacity(rounds);
    let mut buf = Vec::with_capacity(scores.len());
    for _ in 0..rounds {
        buf.clear();
        for _ in 0..scores.len() {
            buf.push(scores[(next() % scores.len() as u64) as usize]);
        }
        let s = macro_average(&buf);
        samples.push([s.f1, s.precision, s.recall, s.accuracy]);
    }
    let mut out = [0.0; 4];
    for (k, o) in out.iter_mut().enumerate() {
        let m = samples.iter().map(|s| s[k]).sum::<f64>() / rounds as f64;
        let v = samples.iter().map(|s| (s[k] - m).powi(2)).sum::<f64>() / (rounds - 1) as f64;
        *o = v.sqrt();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_and_empty() {
        let s = shingle_prf("a b c d e", "a b c d e");
        assert_eq!((s.precision, s.recall, s.exact), (1.0, 1.0, true));
        let e = shingle_prf("a b c d e", "");
        assert_eq!((e.recall, e.has_pred), (0.0, false));
        let short = shingle_prf("a b", "a b");
        assert_eq!(short.precision, 1.0);
        assert_eq!(tokens("Hello, мир_1! x"), vec!["Hello", "мир_1", "x"]);
    }
}
