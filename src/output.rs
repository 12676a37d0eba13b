//! Record writers: JSON Lines and CSV.

use std::io::{self, Write};

use crate::record::Record;

/// Output formats of `pagesift run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object per line.
    #[default]
    Jsonl,
    /// Scalar fields, with the language mix and themes joined into one column each.
    Csv,
}

/// Writes records one at a time.
pub enum RecordWriter<W: Write> {
    /// JSON Lines.
    Jsonl(W),
    /// CSV (header written with the first record).
    Csv {
        /// The CSV writer.
        writer: Box<csv::Writer<W>>,
        /// Whether `text` is a column.
        with_text: bool,
        /// Whether the header has been written.
        header_done: bool,
    },
}

const CSV_HEADER: &[&str] = &[
    "source",
    "url",
    "status",
    "error_kind",
    "error",
    "bytes",
    "charset",
    "charset_source",
    "title",
    "published",
    "modified",
    "page_kind",
    "lang",
    "lang_confidence",
    "lang_mix",
    "words",
    "repairs",
    "themes",
    "record_version",
];

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` into `out`.
    pub fn new(out: W, format: Format, with_text: bool) -> Self {
        match format {
            Format::Jsonl => RecordWriter::Jsonl(out),
            Format::Csv => RecordWriter::Csv {
                writer: Box::new(csv::Writer::from_writer(out)),
                with_text,
                header_done: false,
            },
        }
    }

    /// Writes one record.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        match self {
            RecordWriter::Jsonl(w) => {
                serde_json::to_writer(&mut *w, r)?;
                w.write_all(b"\n")
            }
            RecordWriter::Csv {
                writer,
                with_text,
                header_done,
            } => {
                if !*header_done {
                    let mut h: Vec<&str> = CSV_HEADER.to_vec();
                    if *with_text {
                        h.push("text");
                    }
                    writer.write_record(&h).map_err(io::Error::other)?;
                    *header_done = true;
                }
                let opt = |s: &Option<String>| s.clone().unwrap_or_default();
                let mix = r
                    .lang_mix
                    .iter()
                    .map(|m| format!("{}:{:.3}", m.lang, m.share))
                    .collect::<Vec<_>>()
                    .join(";");
                let themes = r
                    .themes
                    .iter()
                    .map(|t| format!("{}:{:.3}:{}", t.id, t.score, t.count))
                    .collect::<Vec<_>>()
                    .join(";");
                let mut row = vec![
                    r.source.clone(),
                    opt(&r.url),
                    if r.error.is_some() {
                        "error".into()
                    } else {
                        "ok".into()
                    },
                    r.error.as_ref().map(|e| e.kind.clone()).unwrap_or_default(),
                    r.error
                        .as_ref()
                        .map(|e| e.message.clone())
                        .unwrap_or_default(),
                    r.bytes.to_string(),
                    opt(&r.charset),
                    opt(&r.charset_source),
                    opt(&r.title),
                    opt(&r.published),
                    opt(&r.modified),
                    opt(&r.page_kind),
                    r.lang.clone(),
                    format!("{:.3}", r.lang_confidence),
                    mix,
                    r.words.to_string(),
                    r.repairs.to_string(),
                    themes,
                    r.record_version.to_string(),
                ];
                if *with_text {
                    row.push(opt(&r.text));
                }
                writer.write_record(&row).map_err(io::Error::other)
            }
        }
    }

    /// Flushes buffered output.
    pub fn flush(&mut self) -> io::Result<()> {
        match self {
            RecordWriter::Jsonl(w) => w.flush(),
            RecordWriter::Csv { writer, .. } => writer.flush(),
        }
    }
}
