//! The composed pipeline: one [`RawPage`] in, one [`Record`] out.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pagesift_extract::{BlockKind, Document, Extractor, PageHints};
use pagesift_lang::{BlockText, Detector, Guess, LangShare, PageGuess};
use pagesift_normalize::Normalizer;
use pagesift_themes::{TagBlock, TagInput, Tagger, ThemeHit};
use serde::{Deserialize, Serialize};

use crate::input::{InputErrorKind, RawPage};

/// The version of the [`Record`] field list; bumped only on purpose when it changes.
pub const RECORD_VERSION: u32 = 1;

/// Whether a page was processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Processed.
    Ok,
    /// Could not be processed; `error` says why.
    Error,
}

/// Why a page could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordError {
    /// A short, stable kind: `io`, `not-html`, `warc`, `json`, `too-large`, `symlink-loop`,
    /// `extract`, `panic`. A cause has one kind whatever the source: a page over the size
    /// limit is `too-large` (file, WARC record, JSON line, or the extractor's own limit),
    /// a page that is not HTML is `not-html`; `warc` is a broken WARC record, `extract` an
    /// extraction failure of any other cause.
    pub kind: String,
    /// A message naming the input and the cause.
    pub message: String,
}

/// One piece of theme evidence, with offsets into the record's `text` (or `title`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordEvidence {
    /// The taxonomy term that matched.
    pub term: String,
    /// The term's language.
    pub lang: String,
    /// Byte offset of the match in `text` (in `title` when `block` is null).
    pub start: usize,
    /// Byte offset of the end of the match.
    pub end: usize,
    /// Index of the content block the match is in; null for the title.
    pub block: Option<usize>,
}

/// A theme found on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordTheme {
    /// Theme id from the taxonomy.
    pub id: String,
    /// Theme label.
    pub label: String,
    /// Score in [0, 1].
    pub score: f64,
    /// Number of matches.
    pub count: usize,
    /// The matches.
    pub evidence: Vec<RecordEvidence>,
}

/// A page's language share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordLangShare {
    /// Language code.
    pub lang: String,
    /// Share of the main text's length, in [0, 1].
    pub share: f64,
}

/// The output record: one per input page, the same fields for ok and error records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Where the page came from (path, `path#N` for a WARC record, `path:LINE` for JSON Lines).
    pub source: String,
    /// The page's URL when known (WARC target URI, JSON Lines `url`, canonical link).
    pub url: Option<String>,
    /// `ok` or `error`.
    pub status: Status,
    /// Why the page failed; null when `status` is `ok`.
    pub error: Option<RecordError>,
    /// Size of the input page in bytes.
    pub bytes: usize,
    /// The charset the page was decoded with.
    pub charset: Option<String>,
    /// How the charset was decided: `bom`, `http`, `meta` or `detected`.
    pub charset_source: Option<String>,
    /// The page title.
    pub title: Option<String>,
    /// Published date, ISO 8601.
    pub published: Option<String>,
    /// Modified date, ISO 8601.
    pub modified: Option<String>,
    /// `article`, `list` or `empty`.
    pub page_kind: Option<String>,
    /// The page's main language (ISO 639-1 where one exists), `und` when unclear.
    pub lang: String,
    /// Confidence of `lang`, in [0, 1].
    pub lang_confidence: f64,
    /// Languages of the main text by share of its length, largest first.
    pub lang_mix: Vec<RecordLangShare>,
    /// Number of words in `text`.
    pub words: usize,
    /// Number of mojibake repairs made while normalising.
    pub repairs: usize,
    /// The normalised main text (omitted with `--no-text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Themes found, best first.
    pub themes: Vec<RecordTheme>,
    /// The record format version ([`RECORD_VERSION`]).
    pub record_version: u32,
}

impl Record {
    /// An error record for a page (or input) that could not be processed.
    pub fn error(
        source: impl Into<String>,
        url: Option<String>,
        bytes: usize,
        kind: &str,
        message: String,
    ) -> Self {
        Record {
            source: source.into(),
            url,
            status: Status::Error,
            error: Some(RecordError {
                kind: kind.to_string(),
                message,
            }),
            bytes,
            charset: None,
            charset_source: None,
            title: None,
            published: None,
            modified: None,
            page_kind: None,
            lang: "und".into(),
            lang_confidence: 0.0,
            lang_mix: Vec::new(),
            words: 0,
            repairs: 0,
            text: None,
            themes: Vec::new(),
            record_version: RECORD_VERSION,
        }
    }
}

/// Everything the pipeline learned about one page; [`Pipeline::analyze`] returns it for
/// callers (such as `pagesift inspect`) that want more than the record.
#[derive(Debug)]
pub struct Analysis {
    /// The extracted document, with every block and its decision.
    pub document: Document,
    /// Indices into `document.blocks` of the content blocks, in order.
    pub content: Vec<usize>,
    /// Normalised text of each content block.
    pub content_text: Vec<String>,
    /// Normalised title.
    pub title: Option<String>,
    /// Language of the page and of each content block.
    pub lang: PageGuess,
    /// Theme hits with block-relative offsets.
    pub themes: Vec<ThemeHit>,
    /// Mojibake repairs made.
    pub repairs: usize,
}

/// The built stages, shared by every worker thread.
pub struct Pipeline {
    extractor: Extractor,
    normalizer: Normalizer,
    detector: Detector,
    tagger: Tagger,
    keep_text: bool,
}

impl Pipeline {
    /// Composes built stages.
    pub fn new(
        extractor: Extractor,
        normalizer: Normalizer,
        detector: Detector,
        tagger: Tagger,
    ) -> Self {
        Pipeline {
            extractor,
            normalizer,
            detector,
            tagger,
            keep_text: true,
        }
    }

    /// Whether records carry the main text.
    ///
    /// ### Default
    /// `true`.
    pub fn with_text(mut self, keep: bool) -> Self {
        self.keep_text = keep;
        self
    }

    /// The extractor.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// The language detector.
    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Runs every stage on one page.
    pub fn analyze(&self, page: &RawPage) -> Result<Analysis, pagesift_extract::Error> {
        let hints = PageHints {
            url: page.url.as_deref(),
            http_charset: page.http_charset.as_deref(),
        };
        let document = self.extractor.extract(&page.body, &hints)?;
        let mut repairs = 0;
        let mut content = Vec::new();
        let mut content_text = Vec::new();
        for (i, block) in document.blocks.iter().enumerate() {
            if !block.is_content {
                continue;
            }
            // Only the count of repairs is kept: no offset map is built here.
            let (text, fixed) = self.normalizer.normalize_with_repairs(&block.text);
            repairs += fixed.len();
            if text.trim().is_empty() {
                continue;
            }
            content.push(i);
            content_text.push(text.into_owned());
        }
        let title = document
            .title
            .as_deref()
            .map(|t| self.normalizer.normalize(t).into_owned());
        let block_texts: Vec<BlockText<'_>> = content
            .iter()
            .zip(&content_text)
            .map(|(&i, text)| BlockText {
                text,
                is_heading: matches!(document.blocks[i].kind, BlockKind::Heading { .. }),
            })
            .collect();
        let lang = self
            .detector
            .detect_blocks(&block_texts, document.html_lang.as_deref());
        let tag_blocks: Vec<TagBlock<'_>> = content_text
            .iter()
            .zip(&lang.blocks)
            .map(|(text, g)| TagBlock {
                text,
                lang: tag_lang(g),
            })
            .collect();
        let page_lang = (lang.lang != pagesift_lang::UND).then_some(lang.lang.as_str());
        let themes = self.tagger.tag(&TagInput {
            title: title.as_deref(),
            title_lang: page_lang,
            blocks: &tag_blocks,
        });
        Ok(Analysis {
            document,
            content,
            content_text,
            title,
            lang,
            themes,
            repairs,
        })
    }

    /// Processes one page into its record; never panics, whatever the page.
    pub fn process(&self, page: &RawPage) -> Record {
        let bytes = page.body.len();
        match catch_unwind(AssertUnwindSafe(|| self.analyze(page))) {
            Ok(Ok(analysis)) => self.record(page, analysis),
            Ok(Err(e)) => Record::error(
                &page.source,
                page.url.clone(),
                bytes,
                extract_error_kind(&e),
                format!("{}: {e}", page.source),
            ),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Record::error(
                    &page.source,
                    page.url.clone(),
                    bytes,
                    "panic",
                    format!("{}: internal error: {what}", page.source),
                )
            }
        }
    }

    fn record(&self, page: &RawPage, a: Analysis) -> Record {
        let (text, starts) = join_blocks(&a);
        let words = pagesift_normalize::words(&text).len();
        let themes = a
            .themes
            .into_iter()
            .map(|h| RecordTheme {
                id: h.id,
                label: h.label,
                score: h.score,
                count: h.count,
                evidence: h
                    .evidence
                    .into_iter()
                    .map(|e| {
                        let shift = e.block.and_then(|b| starts.get(b).copied()).unwrap_or(0);
                        RecordEvidence {
                            term: e.term,
                            lang: e.lang,
                            start: e.start + shift,
                            end: e.end + shift,
                            block: e.block,
                        }
                    })
                    .collect(),
            })
            .collect();
        let doc = a.document;
        Record {
            source: page.source.clone(),
            url: page
                .url
                .clone()
                .or_else(|| doc.metadata.canonical_url.as_deref().and_then(absolute_url)),
            status: Status::Ok,
            error: None,
            bytes: page.body.len(),
            charset: Some(doc.charset.name),
            charset_source: Some(enum_name(&doc.charset.source)),
            title: a.title,
            published: doc.metadata.published,
            modified: doc.metadata.modified,
            page_kind: Some(enum_name(&doc.page_kind)),
            lang: a.lang.lang,
            lang_confidence: round3(a.lang.confidence),
            lang_mix: a
                .lang
                .mix
                .into_iter()
                .map(|LangShare { lang, share }| RecordLangShare {
                    lang,
                    share: round3(share),
                })
                .collect(),
            words,
            repairs: a.repairs,
            text: self.keep_text.then_some(text),
            themes,
            record_version: RECORD_VERSION,
        }
    }
}

/// The record error kind of an extraction failure: the same kinds the input readers use
/// for the same causes (`not-html`, `too-large`), `extract` for anything else.
fn extract_error_kind(e: &pagesift_extract::Error) -> &'static str {
    match e {
        pagesift_extract::Error::NotHtml(_) => InputErrorKind::NotHtml.name(),
        pagesift_extract::Error::TooLarge { .. } => InputErrorKind::TooLarge.name(),
        _ => "extract",
    }
}

/// Joins content blocks into the record text: one block per line, a blank line before
/// each heading; returns the text and each block's start offset.
fn join_blocks(a: &Analysis) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(a.content_text.iter().map(|t| t.len() + 2).sum());
    let mut starts = Vec::with_capacity(a.content_text.len());
    for (n, (&i, t)) in a.content.iter().zip(&a.content_text).enumerate() {
        if n > 0 {
            text.push('\n');
            if matches!(a.document.blocks[i].kind, BlockKind::Heading { .. }) {
                text.push('\n');
            }
        }
        starts.push(text.len());
        text.push_str(t);
    }
    (text, starts)
}

/// The canonical link when it is an absolute http(s) URL; a relative one cannot be
/// resolved without the page's own URL, which is exactly when it would be needed.
fn absolute_url(link: &str) -> Option<String> {
    let lower = link.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| link.trim().to_string())
}

fn enum_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The language whose terms a block is matched against: its guess, or `None` (every
/// language's terms) when the guess is `und` or not reliable — an unreliable guess must not
/// hide terms of the language it missed.
fn tag_lang(guess: &Guess) -> Option<&str> {
    (!guess.is_und() && guess.reliable).then_some(guess.lang.as_str())
}

/// Tags one piece of text on its own: detects its language first and matches against that
/// language's terms, or every language's when the guess is `und` or not reliable.
pub fn tag_text(detector: &Detector, tagger: &Tagger, text: &str) -> Vec<ThemeHit> {
    let guess = detector.detect(text);
    let blocks = [TagBlock {
        text,
        lang: tag_lang(&guess),
    }];
    tagger.tag(&TagInput {
        title: None,
        title_lang: None,
        blocks: &blocks,
    })
}
