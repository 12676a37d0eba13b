//! Input sources: HTML files and directories, WARC(.gz) files, JSON Lines and stdin,
//! turned into one lazy, bounded stream of [`Item`]s in input order.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::Deserialize;

use crate::warc::{WarcItem, WarcReader, MAX_PAGE_BYTES};

/// One crawled page, as read from its source.
#[derive(Debug, Clone)]
pub struct RawPage {
    /// Where it came from: a path, `path#N` for the Nth WARC record, `path:LINE` for JSON Lines.
    pub source: String,
    /// The page's URL, when the source knows it.
    pub url: Option<String>,
    /// The charset named by the HTTP `Content-Type` header, when known.
    pub http_charset: Option<String>,
    /// The raw bytes.
    pub body: Vec<u8>,
}

/// Why an input record was skipped rather than processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipKind {
    /// WARC revisit record.
    Revisit,
    /// WARC request record.
    Request,
    /// WARC metadata record.
    Metadata,
    /// WARC warcinfo record.
    Warcinfo,
    /// A response or resource that is not HTML.
    NotHtml,
    /// An HTTP response whose status is not 2xx.
    HttpStatus,
    /// A file in a directory that is neither HTML nor a known crawl format.
    OtherFile,
    /// A file or directory already read in this run (given twice, or reached again through
    /// a symlink or a hard link), or `-` given again; see [`Inputs`].
    Duplicate,
    /// Any other WARC record type.
    Other,
}

impl SkipKind {
    /// A short name for summaries.
    pub fn name(self) -> &'static str {
        match self {
            SkipKind::Revisit => "revisit",
            SkipKind::Request => "request",
            SkipKind::Metadata => "metadata",
            SkipKind::Warcinfo => "warcinfo",
            SkipKind::NotHtml => "not-html",
            SkipKind::HttpStatus => "http-status",
            SkipKind::OtherFile => "other-file",
            SkipKind::Duplicate => "duplicate",
            SkipKind::Other => "other",
        }
    }
}

/// The kind of an input error, for the summary's "errors by kind".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputErrorKind {
    /// The file or directory could not be read.
    Io,
    /// Not HTML, or an empty file.
    NotHtml,
    /// A broken WARC file or record.
    Warc,
    /// A broken JSON Lines record.
    Json,
    /// A page over the size limit.
    TooLarge,
    /// A symlink loop.
    Loop,
}

impl InputErrorKind {
    /// A short name for records and summaries.
    pub fn name(self) -> &'static str {
        match self {
            InputErrorKind::Io => "io",
            InputErrorKind::NotHtml => "not-html",
            InputErrorKind::Warc => "warc",
            InputErrorKind::Json => "json",
            InputErrorKind::TooLarge => "too-large",
            InputErrorKind::Loop => "symlink-loop",
        }
    }
}

/// One item of the input stream.
#[derive(Debug)]
pub enum Item {
    /// A page to process.
    Page(RawPage),
    /// Something that is not a page, counted in the summary.
    Skipped(SkipKind),
    /// Something that should have been a page but could not be read: becomes an error record.
    Error {
        /// The source, named as for pages.
        source: String,
        /// What kind of failure.
        kind: InputErrorKind,
        /// What went wrong.
        message: String,
    },
}

/// How to read standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StdinFormat {
    /// One HTML page.
    #[default]
    Html,
    /// JSON Lines with `html` and optional `url` fields.
    Jsonl,
}

/// Whether the first bytes look like HTML (markup in the first 4 KiB, or a UTF-16 BOM).
pub fn sniff_html(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return false;
    }
    const MARKERS: &[&[u8]] = &[
        b"<!doctype",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
        b"<p>",
        b"<p ",
        b"<table",
        b"<!--",
        b"<h1",
        b"<h2",
        b"<ul",
        b"<span",
        b"<a ",
        b"<br",
        b"<script",
        b"<?xml",
    ];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    MARKERS
        .iter()
        .any(|m| lower.windows(m.len()).any(|w| w == *m))
}

/// Counts bytes read from disk, for progress.
#[derive(Debug, Clone, Default)]
pub struct ByteCounter(Arc<AtomicU64>);

impl ByteCounter {
    /// Bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
    fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }
}

struct Counting<R> {
    inner: R,
    counter: ByteCounter,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.add(n as u64);
        Ok(n)
    }
}

enum Pending {
    Path {
        path: PathBuf,
        explicit: bool,
    },
    Stdin(StdinFormat),
    /// `-` given again: standard input is read once.
    StdinAgain,
}

/// Identifies a file independently of the path it was reached by.
#[cfg(unix)]
type FileKey = (u64, u64);
#[cfg(not(unix))]
type FileKey = PathBuf;

#[cfg(unix)]
fn file_key(_path: &Path, meta: &fs::Metadata) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_key(path: &Path, _meta: &fs::Metadata) -> Option<FileKey> {
    fs::canonicalize(path).ok()
}

/// The lazy input stream over every INPUT given on the command line.
///
/// # Each file once
///
/// Every file and directory is read at most once per run, however it is reached: a
/// path given twice, a directory and a file or subdirectory inside it, a symlink or hard
/// link to something already read. The second encounter yields
/// [`Item::Skipped`]`(`[`SkipKind::Duplicate`]`)` — counted in the summary, no error
/// record — so each page gives exactly one record. Only a directory reached from inside
/// itself (a symlink to an ancestor) is a symlink loop and an error record (`symlink-loop`).
/// Standard input too: a second `-` is a `duplicate`, as it could only read an empty
/// stream. (FIFOs and devices given twice are read twice, as asked.)
pub struct Inputs {
    pending: Vec<Pending>,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
    visited_dirs: HashSet<PathBuf>,
    visited_files: HashSet<FileKey>,
    counter: ByteCounter,
    exclude: Vec<FileKey>,
}

impl Inputs {
    /// Builds the stream; `-` means standard input, read as `stdin_format`.
    pub fn new<P: AsRef<Path>>(inputs: &[P], stdin_format: StdinFormat) -> Self {
        let mut stdin_seen = false;
        let mut pending: Vec<Pending> = inputs
            .iter()
            .map(|p| {
                let p = p.as_ref();
                if p == Path::new("-") {
                    if std::mem::replace(&mut stdin_seen, true) {
                        Pending::StdinAgain
                    } else {
                        Pending::Stdin(stdin_format)
                    }
                } else {
                    Pending::Path {
                        path: p.to_path_buf(),
                        explicit: true,
                    }
                }
            })
            .collect();
        pending.reverse();
        Inputs {
            pending,
            current: None,
            visited_dirs: HashSet::new(),
            visited_files: HashSet::new(),
            counter: ByteCounter::default(),
            exclude: Vec::new(),
        }
    }

    /// Never reads the file at `path` when walking directories — the run's own output
    /// file, say, which would otherwise be read back as input while it is being written.
    /// The file is left out however the walk reaches it: by that path, a symlink or (on
    /// Unix, where files are told apart by device and inode) a hard link. `path` is resolved now, so
    /// it must already exist (create the output file first); a path that does not is
    /// ignored. A file given explicitly as an input is still read.
    pub fn with_exclude(mut self, path: &Path) -> Self {
        if let Some(key) = fs::metadata(path).ok().and_then(|m| file_key(path, &m)) {
            self.exclude.push(key);
        }
        self
    }

    /// The input given to [`Inputs::new`] that is the regular file at `path` — by the
    /// same path, a symlink or a hard link — if any: the check a caller makes before
    /// creating its output file at `path`, since creating it would empty that input before
    /// it is read. `-` never matches, nor does a `path` that does not exist or is not a
    /// regular file (creating a FIFO or a device, `/dev/null`, empties nothing). Looks at
    /// the inputs not yet opened: call it before iterating.
    pub fn input_same_as(&self, path: &Path) -> Option<&Path> {
        let meta = fs::metadata(path).ok().filter(|m| m.is_file())?;
        let key = file_key(path, &meta)?;
        self.pending.iter().rev().find_map(|p| match p {
            Pending::Path {
                path: input,
                explicit: true,
            } => fs::metadata(input)
                .ok()
                .and_then(|m| file_key(input, &m))
                .is_some_and(|k| k == key)
                .then_some(input.as_path()),
            _ => None,
        })
    }

    /// A handle on the count of bytes read so far.
    pub fn counter(&self) -> ByteCounter {
        self.counter.clone()
    }

    fn open(&mut self, pending: Pending) -> Option<Item> {
        match pending {
            Pending::Stdin(StdinFormat::Html) => {
                let mut body = Vec::new();
                match io::stdin()
                    .lock()
                    .take(MAX_PAGE_BYTES + 1)
                    .read_to_end(&mut body)
                {
                    Err(e) => Some(err(
                        "-",
                        InputErrorKind::Io,
                        format!("cannot read standard input: {e}"),
                    )),
                    Ok(_) => {
                        self.counter.add(body.len() as u64);
                        Some(page_or_error("-".into(), body))
                    }
                }
            }
            Pending::Stdin(StdinFormat::Jsonl) => {
                let reader = Counting {
                    inner: io::stdin(),
                    counter: self.counter.clone(),
                };
                self.current = Some(Box::new(JsonlReader::new(
                    BufReader::new(reader),
                    "-".into(),
                )));
                None
            }
            Pending::StdinAgain => Some(Item::Skipped(SkipKind::Duplicate)),
            Pending::Path { path, explicit } => self.open_path(path, explicit),
        }
    }

    fn open_path(&mut self, path: PathBuf, explicit: bool) -> Option<Item> {
        let name = path.display().to_string();
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let kind = if e.raw_os_error() == Some(40) {
                    InputErrorKind::Loop
                } else {
                    InputErrorKind::Io
                };
                return Some(err(&name, kind, format!("cannot read {name}: {e}")));
            }
        };
        if meta.is_dir() {
            return self.open_dir(path, name, explicit);
        }
        // Regular files only: a FIFO or device given twice is read twice, as asked.
        let key = if meta.is_file() {
            file_key(&path, &meta)
        } else {
            None
        };
        if !explicit {
            // FIFOs, sockets and devices found while walking would block or never end.
            if !meta.is_file() {
                return Some(Item::Skipped(SkipKind::OtherFile));
            }
            if key.as_ref().is_some_and(|k| self.exclude.contains(k)) {
                return Some(Item::Skipped(SkipKind::OtherFile));
            }
        }
        if let Some(key) = key {
            if !self.visited_files.insert(key) {
                return Some(Item::Skipped(SkipKind::Duplicate));
            }
        }
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                return Some(err(
                    &name,
                    InputErrorKind::Io,
                    format!("cannot open {name}: {e}"),
                ))
            }
        };
        let mut reader = BufReader::with_capacity(
            64 * 1024,
            Counting {
                inner: file,
                counter: self.counter.clone(),
            },
        );
        let head = match reader.fill_buf() {
            Ok(h) => h.to_vec(),
            Err(e) => {
                return Some(err(
                    &name,
                    InputErrorKind::Io,
                    format!("cannot read {name}: {e}"),
                ))
            }
        };
        let lower = name.to_ascii_lowercase();
        let is_gzip = head.starts_with(&[0x1f, 0x8b]);
        if is_gzip {
            let mut gz =
                BufReader::with_capacity(64 * 1024, flate2::read::MultiGzDecoder::new(reader));
            let inner_head = gz.fill_buf().map(|h| h.to_vec());
            return match inner_head {
                Ok(h) if h.starts_with(b"WARC/") || lower.contains(".warc") => {
                    self.current = Some(Box::new(warc_items(WarcReader::new(gz, name))));
                    None
                }
                Ok(h)
                    if h.first() == Some(&b'{')
                        || lower.contains(".jsonl")
                        || lower.contains(".ndjson") =>
                {
                    self.current = Some(Box::new(JsonlReader::new(gz, name)));
                    None
                }
                Ok(_) if explicit || is_html_name(&lower) => Some(read_page(gz, name)),
                Ok(_) => Some(Item::Skipped(SkipKind::OtherFile)),
                Err(e) => Some(err(
                    &name,
                    InputErrorKind::Io,
                    format!("cannot decompress {name}: {e}"),
                )),
            };
        }
        if head.starts_with(b"WARC/") || lower.ends_with(".warc") {
            self.current = Some(Box::new(warc_items(WarcReader::new(reader, name))));
            return None;
        }
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            self.current = Some(Box::new(JsonlReader::new(reader, name)));
            return None;
        }
        let ext = Path::new(&lower)
            .extension()
            .map(|e| e.to_string_lossy().into_owned());
        if explicit || is_html_name(&lower) || (ext.is_none() && sniff_html(&head)) {
            return Some(read_page(reader, name));
        }
        Some(Item::Skipped(SkipKind::OtherFile))
    }

    fn open_dir(&mut self, path: PathBuf, name: String, explicit: bool) -> Option<Item> {
        let canon = match fs::canonicalize(&path) {
            Ok(c) => c,
            Err(e) => {
                return Some(err(
                    &name,
                    InputErrorKind::Io,
                    format!("cannot resolve {name}: {e}"),
                ))
            }
        };
        if self.visited_dirs.contains(&canon) {
            // Reached from inside itself: walking it again would never end. Reached from
            // elsewhere (given twice, a symlink to a sibling): already read, skip it.
            let inside = !explicit
                && path
                    .parent()
                    .and_then(|p| fs::canonicalize(p).ok())
                    .is_some_and(|parent| parent.starts_with(&canon));
            if inside {
                return Some(err(
                    &name,
                    InputErrorKind::Loop,
                    format!("{name}: symlink loop (leads back to {})", canon.display()),
                ));
            }
            return Some(Item::Skipped(SkipKind::Duplicate));
        }
        self.visited_dirs.insert(canon);
        let entries = match fs::read_dir(&path) {
            Ok(r) => r,
            Err(e) => {
                return Some(err(
                    &name,
                    InputErrorKind::Io,
                    format!("cannot list {name}: {e}"),
                ))
            }
        };
        let mut children = Vec::new();
        let mut errors = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => children.push(e.path()),
                Err(e) => errors.push(err(
                    &name,
                    InputErrorKind::Io,
                    format!("cannot list an entry of {name}: {e}"),
                )),
            }
        }
        // Sorted, so output order does not depend on the file system.
        children.sort();
        for child in children.into_iter().rev() {
            self.pending.push(Pending::Path {
                path: child,
                explicit: false,
            });
        }
        if !errors.is_empty() {
            self.current = Some(Box::new(errors.into_iter()));
        }
        None
    }
}

impl Iterator for Inputs {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let pending = self.pending.pop()?;
            if let Some(item) = self.open(pending) {
                return Some(item);
            }
        }
    }
}

fn is_html_name(lower: &str) -> bool {
    let base = lower.strip_suffix(".gz").unwrap_or(lower);
    base.ends_with(".html")
        || base.ends_with(".htm")
        || base.ends_with(".xhtml")
        || base.ends_with(".shtml")
}

fn err(source: &str, kind: InputErrorKind, message: String) -> Item {
    Item::Error {
        source: source.to_string(),
        kind,
        message,
    }
}

fn read_page<R: Read>(reader: R, name: String) -> Item {
    let mut body = Vec::new();
    match reader.take(MAX_PAGE_BYTES + 1).read_to_end(&mut body) {
        Err(e) => err(
            &name,
            InputErrorKind::Io,
            format!("cannot read {name}: {e}"),
        ),
        Ok(_) => page_or_error(name, body),
    }
}

fn page_or_error(name: String, body: Vec<u8>) -> Item {
    if body.is_empty() {
        return err(
            &name,
            InputErrorKind::NotHtml,
            format!("{name}: empty file"),
        );
    }
    if body.len() as u64 > MAX_PAGE_BYTES {
        return err(
            &name,
            InputErrorKind::TooLarge,
            format!("{name}: over the {MAX_PAGE_BYTES}-byte page limit"),
        );
    }
    if !sniff_html(&body) {
        return err(
            &name,
            InputErrorKind::NotHtml,
            format!("{name}: no HTML markup in the first 4 KiB"),
        );
    }
    Item::Page(RawPage {
        source: name,
        url: None,
        http_charset: None,
        body,
    })
}

fn warc_items<R: BufRead + Send + 'static>(
    reader: WarcReader<R>,
) -> impl Iterator<Item = Item> + Send {
    reader.map(|w| match w {
        WarcItem::Page(p) => Item::Page(p),
        WarcItem::Skipped(k) => Item::Skipped(k),
        WarcItem::Error {
            source,
            kind,
            message,
            ..
        } => Item::Error {
            message: format!("{source}: {message}"),
            source,
            kind,
        },
    })
}

#[derive(Deserialize)]
struct JsonlPage {
    html: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    charset: Option<String>,
}

/// Reads JSON Lines records with `html` (required), `url` and `charset` (optional) fields.
struct JsonlReader<R> {
    inner: R,
    name: String,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    fn new(inner: R, name: String) -> Self {
        JsonlReader {
            inner,
            name,
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line_no += 1;
            let source = format!("{}:{}", self.name, self.line_no);
            match (&mut self.inner)
                .take(MAX_PAGE_BYTES + 1)
                .read_until(b'\n', &mut self.buf)
            {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(err(
                        &source,
                        InputErrorKind::Io,
                        format!("cannot read {source}: {e}"),
                    ));
                }
            }
            if self.buf.len() as u64 > MAX_PAGE_BYTES {
                // Drain the rest of the oversize line so the next record starts cleanly.
                skip_line(&mut self.inner);
                return Some(err(
                    &source,
                    InputErrorKind::TooLarge,
                    format!("{source}: line over the page limit"),
                ));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match serde_json::from_slice::<JsonlPage>(&self.buf) {
                Ok(p) if p.html.is_empty() => err(
                    &source,
                    InputErrorKind::NotHtml,
                    format!("{source}: empty \"html\" field"),
                ),
                Ok(p) => Item::Page(RawPage {
                    source,
                    url: p.url,
                    http_charset: p.charset,
                    body: p.html.into_bytes(),
                }),
                Err(e) => err(
                    &source,
                    InputErrorKind::Json,
                    format!("{source}: not a JSON object with an \"html\" string: {e}"),
                ),
            });
        }
    }
}

/// Consumes input up to and including the next newline without keeping it.
fn skip_line<R: BufRead>(r: &mut R) {
    loop {
        let (found, n) = match r.fill_buf() {
            Ok([]) | Err(_) => return,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, buf.len()),
            },
        };
        r.consume(n);
        if found {
            return;
        }
    }
}

/// Sums the sizes of the files under the inputs (for a progress bar's total); `None` for stdin.
pub fn total_size<P: AsRef<Path>>(inputs: &[P]) -> Option<u64> {
    fn walk(
        p: &Path,
        depth: usize,
        total: &mut u64,
        seen: &mut HashSet<PathBuf>,
        files: &mut HashSet<FileKey>,
    ) {
        let Ok(meta) = fs::metadata(p) else { return };
        if meta.is_file() {
            // Each file once, as [`Inputs`] reads it.
            if file_key(p, &meta).is_none_or(|k| files.insert(k)) {
                *total += meta.len();
            }
        } else if meta.is_dir() && depth < 64 {
            // Symlink loops: each directory is counted once.
            if !fs::canonicalize(p).is_ok_and(|c| seen.insert(c)) {
                return;
            }
            if let Ok(rd) = fs::read_dir(p) {
                for e in rd.flatten() {
                    walk(&e.path(), depth + 1, total, seen, files);
                }
            }
        }
    }
    let mut total = 0;
    let mut seen = HashSet::new();
    let mut files = HashSet::new();
    for p in inputs {
        let p = p.as_ref();
        if p == Path::new("-") {
            return None;
        }
        walk(p, 0, &mut total, &mut seen, &mut files);
    }
    Some(total)
}
